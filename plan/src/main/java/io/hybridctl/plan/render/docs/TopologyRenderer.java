package io.hybridctl.plan.render.docs;

import io.hybridctl.plan.intent.BgpSpeaker;
import io.hybridctl.plan.intent.LoadBalancerPool;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.render.cloudformation.NewVpcNetwork;
import io.hybridctl.spec.model.Cluster;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import io.hybridctl.spec.model.Vpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * topology.svg, the picture for a design review. Top: the AWS side, with the EKS control plane, the VPC with its
 * subnets per AZ and the control-plane ENIs in the private ones, and the gateway. From the gateway, one drop per site
 * labelled with its connection (IPsec VPN or Direct Connect). Each site: its networks, the firewall when there is
 * one, the router with its ASN, the pod routing between router and hosts (eBGP/iBGP with both ASNs, static routes or
 * none), the hosts with their pod blocks, and the load-balancer range. A legend closes it. Sites sit in a grid as
 * wide as the canvas, so one site and twenty both fill it; every text is measured ({@link TextMetrics}) and
 * shortened rather than let out of its box.
 */
public final class TopologyRenderer {

    static final int HOSTS_SHOWN = 12;
    static final int SITE_COLUMNS = 5;
    static final double WIDTH = 1440;
    private static final double M = 24;
    private static final double PAD = 10;
    private static final double LINE = 17;
    private static final double TRUNK_GAP = 40;
    private static final double DROP = 44;
    private static final double HOST_CARD = 44;
    private static final double HOST_MIN_WIDTH = 230;
    private static final double ROUTER_H = 42;
    private static final double ROUTING_H = 50;
    private static final double LB_H = 42;
    private static final String INK = "#222222";
    private static final String MUTED = "#555555";

    // Colours close to the AWS architecture icons' families, so reviewers read them at a glance.
    private static final String CLOUD_FILL = "#fffaf2", CLOUD_STROKE = "#ff9900";
    private static final String EKS_FILL = "#fff1dc", EKS_STROKE = "#d86613";
    private static final String VPC_FILL = "#f2f9ef", VPC_STROKE = "#3f8624";
    private static final String AZ_FILL = "#ffffff", AZ_STROKE = "#7aa116";
    private static final String PRIVATE_FILL = "#e6f2ff", PRIVATE_STROKE = "#147eba";
    private static final String PUBLIC_FILL = "#eef7e8", PUBLIC_STROKE = "#7aa116";
    private static final String GW_FILL = "#f3eefc", GW_STROKE = "#8c4fff";
    private static final String SITE_FILL = "#f7f8fa", SITE_STROKE = "#545b64";
    private static final String FW_FILL = "#fdecec", FW_STROKE = "#c7131f";
    private static final String ROUTER_FILL = "#e8f1fb", ROUTER_STROKE = "#1a5fa8";
    private static final String HOST_FILL = "#ffffff", HOST_STROKE = "#879196";
    private static final String ROUTING_FILL = "#fffbe6", ROUTING_STROKE = "#b38600";
    private static final String LB_FILL = "#eaf7f6", LB_STROKE = "#01a88d";
    private static final String LINK = "#545b64";

    public String render(HybridCluster spec, NetworkIntent intent) {
        return new Drawing(spec, intent).draw();
    }

    /** One picture being laid out: y grows as sections are added, then the canvas height is known. */
    private static final class Drawing {
        private final HybridCluster spec;
        private final NetworkIntent intent;
        private final Svg s = new Svg();

        Drawing(HybridCluster spec, NetworkIntent intent) {
            this.spec = spec;
            this.intent = intent;
        }

        String draw() {
            double y = M;
            y = title(y);
            double[] gateway = new double[2];
            y = cloud(y, gateway);
            y = sites(y, gateway[0], gateway[1]);
            y = legend(y + 16);
            double height = y + M;
            return s.document(WIDTH, height, "EKS hybrid cluster " + spec.name());
        }

        private double title(double y) {
            double max = WIDTH - 2 * M;
            Cluster c = spec.cluster();
            s.box(M, y, max, 56, "#ffffff", "#ffffff", null, "title");
            s.text(M + 2, y + 22, 20, true, INK, "EKS hybrid cluster " + spec.name(), max - 4);
            s.text(M + 2, y + 44, 12, false, MUTED, "Kubernetes " + c.kubernetesVersion() + " in " + c.region() + "  \u00b7  CNI " + cni(spec.cni())
                    + "  \u00b7  credentials: " + credentials(spec.credentials()) + "  \u00b7  service CIDR " + spec.serviceCidr(), max - 4);
            s.end();
            return y + 64;
        }

        /** The AWS side; fills gateway with the x of its centre and the y of its bottom edge. */
        private double cloud(double top, double[] gateway) {
            double x = M;
            double w = WIDTH - 2 * M;
            List<String> eks = List.of(
                    "cluster " + spec.name(),
                    "Kubernetes " + spec.cluster().kubernetesVersion(),
                    "endpoint access: " + endpoint(spec.cluster().endpointAccess()),
                    "authentication: " + auth(spec.cluster().authenticationMode()),
                    "service CIDR " + spec.serviceCidr(),
                    "remote node networks",
                    "remote pod networks");
            double eksW = 340;
            double eksH = 36 + eks.size() * LINE + PAD;
            List<List<NewVpcNetwork.Subnet>> zones = zones();
            double azH = 30 + 58 + 8 + 34 + PAD;
            double vpcH = 34 + azH + PAD;
            double rowH = Math.max(eksH, vpcH);
            double gwH = 44;
            double h = 34 + rowH + 30 + gwH + PAD + 4;
            s.box(x, top, w, h, CLOUD_FILL, CLOUD_STROKE, "6 4", "cloud");
            s.text(x + PAD, top + 22, 14, true, INK, "AWS Cloud \u00b7 " + spec.cluster().region(), w - 2 * PAD);
            double rowTop = top + 34;
            // EKS control plane
            double ex = x + PAD + 6;
            s.box(ex, rowTop, eksW, eksH, EKS_FILL, EKS_STROKE, null, "eks");
            s.text(ex + PAD, rowTop + 22, 14, true, INK, "EKS control plane", eksW - 2 * PAD);
            double ly = rowTop + 22 + LINE + 2;
            for (String line : eks) {
                String text = switch (line) {
                    case "remote node networks" -> listed(line + " ", intent.remoteNodeNetworks(), eksW - 2 * PAD, 12, "-");
                    case "remote pod networks" -> listed(line + " ", intent.remotePodNetworks(), eksW - 2 * PAD, 12, "none (pods masqueraded)");
                    default -> line;
                };
                s.text(ex + PAD, ly, 12, false, INK, text, eksW - 2 * PAD);
                ly += LINE;
            }
            s.end();
            // VPC with its AZs
            double vx = ex + eksW + 24;
            double vw = x + w - PAD - 6 - vx;
            s.box(vx, rowTop, vw, vpcH, VPC_FILL, VPC_STROKE, null, "vpc");
            s.text(vx + PAD, rowTop + 22, 14, true, INK, vpcTitle(), vw - 2 * PAD);
            int n = Math.max(1, zones.size());
            double gap = 12;
            double azW = (vw - 2 * PAD - (n - 1) * gap) / n;
            for (int i = 0; i < zones.size(); i++) {
                double ax = vx + PAD + i * (azW + gap);
                double ay = rowTop + 34;
                List<NewVpcNetwork.Subnet> zone = zones.get(i);
                s.box(ax, ay, azW, azH, AZ_FILL, AZ_STROKE, "4 3", "az");
                String az = zone.get(0).availabilityZone();
                s.text(ax + PAD, ay + 20, 12, true, INK, zone.get(0).cidr() == null ? "AZ as AWS assigned it" : "Availability Zone " + az, azW - 2 * PAD);
                double sy = ay + 30;
                for (NewVpcNetwork.Subnet sub : zone) {
                    double sh = sub.isPrivate() ? 58 : 34;
                    s.box(ax + PAD, sy, azW - 2 * PAD, sh, sub.isPrivate() ? PRIVATE_FILL : PUBLIC_FILL, sub.isPrivate() ? PRIVATE_STROKE : PUBLIC_STROKE,
                            null, sub.isPrivate() ? "private-subnet" : "public-subnet");
                    // An existing VPC's subnets are known by id only (the AZ slot holds the id).
                    String label = sub.cidr() == null ? "subnet " + sub.availabilityZone() : (sub.isPrivate() ? "private subnet " : "public subnet ") + sub.cidr();
                    s.text(ax + 2 * PAD, sy + 21, 12, false, INK, label, azW - 4 * PAD);
                    if (sub.isPrivate()) {
                        double chipW = Math.min(azW - 4 * PAD, 150);
                        s.box(ax + 2 * PAD, sy + 30, chipW, 20, EKS_FILL, EKS_STROKE, null, "eni");
                        s.text(ax + 2 * PAD + 6, sy + 44, 11, false, INK, "control-plane ENI", chipW - 12);
                        s.end();
                    }
                    s.end();
                    sy += sh + 8;
                }
                s.end();
            }
            s.end();
            // ENIs belong to the control plane: one dashed line says so.
            s.line(ex + eksW, rowTop + eksH / 2, vx, rowTop + eksH / 2, EKS_STROKE, 1.5, "5 3");
            // Gateway, under the VPC
            double gwW = Math.min(460, vw);
            double gx = vx + vw / 2 - gwW / 2;
            double gy = rowTop + rowH + 30;
            s.line(vx + vw / 2, rowTop + vpcH, vx + vw / 2, gy, GW_STROKE, 2, null);
            s.box(gx, gy, gwW, gwH, GW_FILL, GW_STROKE, null, "gateway");
            s.centred(gx + gwW / 2, gy + 18, 13, true, INK, gatewayTitle(), gwW - 2 * PAD);
            s.centred(gx + gwW / 2, gy + 35, 11, false, MUTED, gatewayDetail(), gwW - 2 * PAD);
            s.end();
            s.end();
            gateway[0] = gx + gwW / 2;
            gateway[1] = gy + gwH;
            return top + h;
        }

        private double sites(double top, double gatewayX, double gatewayBottom) {
            List<Site> sites = spec.sites();
            if (sites.isEmpty()) {
                return top;
            }
            int cols = Math.min(SITE_COLUMNS, sites.size());
            double left = M + TRUNK_GAP;
            double gap = 16;
            double siteW = (WIDTH - M - left - (cols - 1) * gap) / cols;
            double trunkX = M + TRUNK_GAP / 2;
            double y = top + DROP + 8;
            double firstBus = y - DROP + 10;
            double lastBus = firstBus;
            s.line(gatewayX, gatewayBottom, gatewayX, firstBus, LINK, 2, null);
            for (int row = 0; row * cols < sites.size(); row++) {
                List<Site> inRow = sites.subList(row * cols, Math.min(sites.size(), (row + 1) * cols));
                double rowH = 0;
                for (Site site : inRow) {
                    rowH = Math.max(rowH, siteHeight(site, siteW));
                }
                double bus = y - DROP + 10;
                lastBus = bus;
                double lastCentre = left + (inRow.size() - 1) * (siteW + gap) + siteW / 2;
                boolean trunk = sites.size() > cols;
                double from = row == 0 ? Math.min(trunk ? trunkX : left + siteW / 2, gatewayX) : trunkX;
                double to = Math.max(lastCentre, row == 0 ? gatewayX : trunkX);
                if (from == to) {
                    to = from + 1;
                }
                s.line(from, bus, to, bus, LINK, 2, null);
                for (int i = 0; i < inRow.size(); i++) {
                    double sx = left + i * (siteW + gap);
                    site(inRow.get(i), sx, y, siteW, rowH, bus);
                }
                y += rowH + DROP + 8;
            }
            if (lastBus > firstBus) {
                s.line(trunkX, firstBus, trunkX, lastBus, LINK, 2, null);
            }
            return y - DROP - 8;
        }

        private double siteHeight(Site site, double w) {
            double h = 30 + 2 * LINE;
            if (site.firewall()) {
                h += 40;
            }
            h += ROUTER_H + ROUTING_H;
            int shown = Math.min(HOSTS_SHOWN, site.hosts().size());
            int cols = hostColumns(site, w);
            int rows = (shown + cols - 1) / cols;
            h += rows * (HOST_CARD + 8) + (site.hosts().size() > HOSTS_SHOWN ? LINE + 4 : 0);
            if (site.loadBalancer().isPresent()) {
                h += LB_H + 8;
            }
            return h + PAD;
        }

        private static int hostColumns(Site site, double w) {
            int fit = (int) Math.max(1, Math.floor((w - 2 * PAD + 8) / (HOST_MIN_WIDTH + 8)));
            return Math.max(1, Math.min(fit, Math.min(HOSTS_SHOWN, site.hosts().size())));
        }

        private void site(Site site, double x, double y, double w, double h, double bus) {
            boolean vpn = site.connection().type() == Site.ConnectionType.VPN;
            double cx = x + w / 2;
            // The connection: dashed for an IPsec tunnel over the internet, solid and heavier for Direct Connect.
            s.line(cx, bus, cx, y, LINK, vpn ? 2 : 4, vpn ? "7 4" : null);
            String link = vpn ? "IPsec VPN to " + site.connection().vpnEndpoint().map(Object::toString).orElse("(no endpoint)") : "Direct Connect";
            double lw = Math.min(w - 8, TextMetrics.width(link, 11, false) + 16);
            s.box(cx - lw / 2, bus + 8, lw, 20, "#ffffff", LINK, null, "connection");
            s.centred(cx, bus + 22, 11, false, INK, link, lw - 8);
            s.end();

            s.box(x, y, w, h, SITE_FILL, SITE_STROKE, null, "site");
            double inner = w - 2 * PAD;
            s.text(x + PAD, y + 22, 14, true, INK, "site " + site.name() + (site.zone().equals(site.name()) ? "" : " (zone " + site.zone() + ")"), inner);
            double ly = y + 22 + LINE + 1;
            s.text(x + PAD, ly, 12, false, INK, listed("nodes ", site.nodeNetworks(), inner, 12, "-"), inner);
            ly += LINE;
            s.text(x + PAD, ly, 12, false, INK, listed("pods /" + spec.cni().nodeBlockSize() + " per host from ", site.podNetworks(), inner, 12, "-"), inner);
            double by = y + 30 + 2 * LINE;
            if (site.firewall()) {
                int rules = intent.firewallRules(site.name()).size();
                s.box(x + PAD, by, inner, 30, FW_FILL, FW_STROKE, null, "firewall");
                s.text(x + 2 * PAD, by + 20, 12, true, INK, "Firewall \u00b7 " + rules + " rule(s) from plan", inner - 2 * PAD);
                s.end();
                s.line(cx, by + 30, cx, by + 40, LINK, 2, null);
                by += 40;
            }
            s.box(x + PAD, by, inner, ROUTER_H, ROUTER_FILL, ROUTER_STROKE, null, "router");
            s.text(x + 2 * PAD, by + 18, 12, true, INK, site.router().map(r -> "Router " + r.address()).orElse("Default gateway"), inner - 2 * PAD);
            s.text(x + 2 * PAD, by + 34, 12, false, INK, site.router().map(r -> routerKind(r.kind()) + " \u00b7 AS " + r.asn()).orElse("no router in the spec"),
                    inner - 2 * PAD);
            s.end();
            by += ROUTER_H;
            // Pod routing between router and hosts.
            s.line(cx, by, cx, by + ROUTING_H, LINK, 1.5, null);
            String[] routing = routing(site);
            double rw = Math.min(inner, Math.max(TextMetrics.width(routing[0], 11, true), TextMetrics.width(routing[1], 11, false)) + 20);
            s.box(cx - rw / 2, by + 8, rw, 34, ROUTING_FILL, ROUTING_STROKE, null, "routing");
            s.centred(cx, by + 22, 11, true, INK, routing[0], rw - 10);
            s.centred(cx, by + 37, 11, false, INK, routing[1], rw - 10);
            s.end();
            by += ROUTING_H;
            int cols = hostColumns(site, w);
            double cardW = (inner - (cols - 1) * 8) / cols;
            List<Host> hosts = site.hosts();
            int shown = Math.min(HOSTS_SHOWN, hosts.size());
            for (int i = 0; i < shown; i++) {
                Host host = hosts.get(i);
                double hx = x + PAD + (i % cols) * (cardW + 8);
                double hy = by + (i / cols) * (HOST_CARD + 8);
                s.box(hx, hy, cardW, HOST_CARD, HOST_FILL, HOST_STROKE, null, "host");
                s.circle(hx + 10, hy + 14, 4, ROUTER_STROKE);
                s.text(hx + 20, hy + 18, 12, true, INK, host.name(), cardW - 28);
                s.text(hx + 8, hy + 35, 11, false, MUTED, host.address() + "  \u00b7  pods " + intent.allocations().blockOf(host), cardW - 16);
                s.end();
            }
            by += ((shown + cols - 1) / cols) * (HOST_CARD + 8);
            if (hosts.size() > HOSTS_SHOWN) {
                s.text(x + PAD, by + 12, 12, false, MUTED, "\u2026 and " + (hosts.size() - HOSTS_SHOWN) + " more hosts (hybridctl.lock has every block)", inner);
                by += LINE + 4;
            }
            if (site.loadBalancer().isPresent()) {
                Site.LoadBalancer lb = site.loadBalancer().get();
                double lbY = y + h - PAD - LB_H;
                s.box(x + PAD, lbY, inner, LB_H, LB_FILL, LB_STROKE, null, "load-balancer");
                s.text(x + 2 * PAD, lbY + 18, 12, true, INK, lbName(lb.type()) + advertised(site), inner - 2 * PAD);
                s.text(x + 2 * PAD, lbY + 34, 12, false, INK, listed("", lb.ranges(), inner - 2 * PAD, 12, "-"), inner - 2 * PAD);
                s.end();
            }
            s.end();
        }

        private double legend(double top) {
            record Item(String fill, String stroke, String dash, String label) {
            }
            List<Item> items = List.of(
                    new Item(EKS_FILL, EKS_STROKE, null, "EKS control plane and its ENIs"),
                    new Item(VPC_FILL, VPC_STROKE, null, "VPC"),
                    new Item(PRIVATE_FILL, PRIVATE_STROKE, null, "private subnet"),
                    new Item(PUBLIC_FILL, PUBLIC_STROKE, null, "public subnet"),
                    new Item(GW_FILL, GW_STROKE, null, "transit or virtual private gateway"),
                    new Item(null, LINK, "7 4", "IPsec VPN"),
                    new Item(null, LINK, null, "Direct Connect"),
                    new Item(FW_FILL, FW_STROKE, null, "on-prem firewall"),
                    new Item(ROUTER_FILL, ROUTER_STROKE, null, "site router"),
                    new Item(ROUTING_FILL, ROUTING_STROKE, null, "pod routing: eBGP/iBGP with both ASNs, or static"),
                    new Item(HOST_FILL, HOST_STROKE, null, "hybrid node with its pod block"),
                    new Item(LB_FILL, LB_STROKE, null, "load-balancer range"));
            double w = WIDTH - 2 * M;
            double x = M + PAD;
            double y = top + 44;
            double rowH = 24;
            List<double[]> positions = new ArrayList<>();
            for (Item item : items) {
                double iw = 30 + TextMetrics.width(item.label(), 12, false) + 22;
                if (x + iw > M + w - PAD) {
                    x = M + PAD;
                    y += rowH;
                }
                positions.add(new double[] {x, y});
                x += iw;
            }
            double h = y + 12 - top;
            s.box(M, top, w, h, "#ffffff", "#aab7b8", null, "legend");
            s.text(M + PAD, top + 20, 12, true, INK, "Legend", w - 2 * PAD);
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                double ix = positions.get(i)[0];
                double iy = positions.get(i)[1];
                if (item.fill() == null) {
                    s.line(ix, iy - 4, ix + 24, iy - 4, item.stroke(), item.dash() == null ? 4 : 2, item.dash());
                } else {
                    s.box(ix, iy - 12, 24, 14, item.fill(), item.stroke(), null, "swatch").end();
                }
                s.text(ix + 30, iy, 12, false, INK, item.label(), TextMetrics.width(item.label(), 12, false) + 1);
            }
            s.end();
            return top + h;
        }

        /** Per AZ its subnets (a new VPC), or one column per given subnet (an existing VPC, whose AZs AWS knows). */
        private List<List<NewVpcNetwork.Subnet>> zones() {
            Map<String, List<NewVpcNetwork.Subnet>> byAz = new LinkedHashMap<>();
            switch (spec.vpc()) {
                case Vpc.NewVpc n -> {
                    for (NewVpcNetwork.Subnet sub : new NewVpcNetwork(n.cidr(), n.availabilityZones()).subnets()) {
                        byAz.computeIfAbsent(sub.availabilityZone(), k -> new ArrayList<>()).add(sub);
                    }
                }
                case Vpc.ExistingVpc e -> {
                    for (String id : e.subnetIds()) {
                        byAz.put(id, List.of(new NewVpcNetwork.Subnet(id, true, null)));
                    }
                }
            }
            if (byAz.isEmpty()) {
                byAz.put("", List.of(new NewVpcNetwork.Subnet("", true, null)));
            }
            return new ArrayList<>(byAz.values());
        }

        private String vpcTitle() {
            return switch (spec.vpc()) {
                case Vpc.NewVpc n -> "VPC " + n.cidr() + " (created by plan's stack) \u00b7 " + n.availabilityZones().size() + " AZs";
                case Vpc.ExistingVpc e -> "VPC " + e.id() + " (existing) \u00b7 " + join(e.cidrs());
            };
        }

        private String gatewayTitle() {
            return spec.vpc().gateway().map(g -> (g.isTransitGateway() ? "Transit gateway " : g.isVirtualPrivateGateway() ? "Virtual private gateway " : "Gateway ") + g.id())
                    .orElse("No gateway configured");
        }

        private String gatewayDetail() {
            return "routes remote node" + (intent.remotePodNetworks().isEmpty() ? "" : " and pod") + " networks to " + spec.sites().size() + " site(s)";
        }

        /** Two lines: what kind of routing, then its details. */
        private String[] routing(Site site) {
            return switch (spec.cni().podRouting()) {
                case NONE -> new String[] {"no pod routing", "pods masqueraded to node addresses"};
                case STATIC -> new String[] {"static routes", "one per host pod block"};
                case BGP -> bgpSessions(site);
            };
        }

        private String[] bgpSessions(Site site) {
            Map<List<Long>, Integer> sessions = new LinkedHashMap<>();
            for (BgpSpeaker b : intent.bgpSpeakers()) {
                if (b.site().equals(site.name())) {
                    sessions.merge(List.of(b.localAsn(), b.peerAsn()), 1, Integer::sum);
                }
            }
            if (sessions.isEmpty()) {
                return new String[] {"BGP", "no sessions (no hosts or no router)"};
            }
            List<String> kinds = new ArrayList<>();
            List<String> details = new ArrayList<>();
            int total = 0;
            for (Map.Entry<List<Long>, Integer> e : sessions.entrySet()) {
                long local = e.getKey().get(0);
                long peer = e.getKey().get(1);
                String kind = local == peer ? "iBGP" : "eBGP";
                if (!kinds.contains(kind)) {
                    kinds.add(kind);
                }
                details.add(local == peer ? "nodes and router AS " + local : "nodes AS " + local + " \u2194 router AS " + peer);
                total += e.getValue();
            }
            return new String[] {String.join(" and ", kinds) + " \u00b7 " + total + (total == 1 ? " session" : " sessions"), String.join("; ", details)};
        }

        private String advertised(Site site) {
            for (LoadBalancerPool p : intent.loadBalancerPools()) {
                if (p.site().equals(site.name())) {
                    return spec.cni().podRouting() == Cni.PodRouting.BGP ? ", announced by BGP" : "";
                }
            }
            return "";
        }
    }

    static String cni(Cni cni) {
        String plugin = cni.plugin() == Cni.Plugin.CILIUM ? "Cilium" : "Calico";
        String routing = switch (cni.podRouting()) {
            case BGP -> "pods routed with BGP";
            case STATIC -> "pods routed statically";
            case NONE -> "pods not routable";
        };
        return plugin + " " + cni.version() + " (" + routing + ")";
    }

    static String credentials(Credentials c) {
        return c.provider() == Credentials.Provider.SSM ? "SSM hybrid activations" : "IAM Roles Anywhere";
    }

    static String endpoint(Cluster.EndpointAccess a) {
        return switch (a) {
            case PUBLIC -> "public";
            case PRIVATE -> "private";
            case PUBLIC_AND_PRIVATE -> "public and private";
        };
    }

    static String auth(Cluster.AuthenticationMode m) {
        return switch (m) {
            case API -> "access entries (API)";
            case API_AND_CONFIG_MAP -> "access entries and aws-auth";
            case CONFIG_MAP -> "aws-auth ConfigMap";
        };
    }

    static String routerKind(Site.RouterKind k) {
        return k == Site.RouterKind.FRR ? "FRR" : "VyOS";
    }

    static String lbName(Site.LoadBalancerType t) {
        return t == Site.LoadBalancerType.METALLB ? "MetalLB" : "Cilium LB IPAM";
    }

    /** "prefix a, b, c +4 more": as many items as fit in {@code max}, and how many did not. */
    static String listed(String prefix, List<?> items, double max, double size, String empty) {
        if (items.isEmpty()) {
            return prefix + empty;
        }
        String all = prefix + join(items);
        if (TextMetrics.width(all, size, false) <= max) {
            return all;
        }
        for (int n = items.size() - 1; n >= 1; n--) {
            String text = prefix + join(items.subList(0, n)) + " +" + (items.size() - n) + " more";
            if (TextMetrics.width(text, size, false) <= max) {
                return text;
            }
        }
        return prefix + items.size() + " networks";
    }

    private static String join(List<?> items) {
        return items.isEmpty() ? "-" : String.join(", ", items.stream().map(Object::toString).toList());
    }
}
