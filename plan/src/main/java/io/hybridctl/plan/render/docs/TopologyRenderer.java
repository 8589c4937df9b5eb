package io.hybridctl.plan.render.docs;

import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.List;

/**
 * topology.svg: the VPC with its CIDRs and gateway on top, one column per site below it with the connection, router,
 * hosts (address and pod block) and load balancer range. Large designs stay readable by listing at most
 * {@link #HOSTS_SHOWN} hosts per site and {@link #SITES_SHOWN} sites, each with a "more" line.
 */
public final class TopologyRenderer {

    static final int HOSTS_SHOWN = 12;
    static final int SITES_SHOWN = 12;
    // wide enough for "host-name  address  pods a.b.c.d/nn" at 12 px sans-serif
    private static final int COLUMN = 360;
    private static final int LINE = 16;

    public String render(HybridCluster spec, NetworkIntent intent) {
        List<Site> sites = spec.sites().subList(0, Math.min(SITES_SHOWN, spec.sites().size()));
        int columns = Math.max(1, sites.size() + (spec.sites().size() > SITES_SHOWN ? 1 : 0));
        int width = Math.max(760, 40 + columns * COLUMN);
        int maxHosts = sites.stream().mapToInt(s -> Math.min(HOSTS_SHOWN, s.hosts().size()) + (s.hosts().size() > HOSTS_SHOWN ? 1 : 0)).max().orElse(0);
        int siteHeight = 110 + maxHosts * LINE;
        int siteTop = 250;
        int height = siteTop + siteHeight + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(esc("EKS hybrid cluster " + spec.name())).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        // AWS side
        svg.append(box(20, 20, width - 40, 100, "#fff4e5", "#ff9900"));
        text(svg, 34, 42, "bold", "AWS " + spec.cluster().region() + " - EKS " + spec.name() + " (Kubernetes " + spec.cluster().kubernetesVersion() + ")");
        text(svg, 34, 62, null, "VPC " + join(spec.vpc().cidrs()) + "   service CIDR " + spec.serviceCidr());
        text(svg, 34, 80, null, "remoteNodeNetworks " + join(intent.remoteNodeNetworks()));
        text(svg, 34, 98, null, "remotePodNetworks " + (intent.remotePodNetworks().isEmpty() ? "none (pods masqueraded)" : join(intent.remotePodNetworks())));
        String gw = spec.vpc().gateway().map(g -> g.id() + (g.isTransitGateway() ? " (transit gateway)" : " (virtual private gateway)"))
                .orElse("no gateway configured");
        int gwX = width / 2 - 130;
        svg.append(box(gwX, 150, 260, 36, "#eef3ff", "#3366cc"));
        text(svg, gwX + 12, 173, "bold", gw);
        svg.append(line(width / 2, 120, width / 2, 150));
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            int x = 20 + i * COLUMN;
            int cx = x + (COLUMN - 20) / 2;
            svg.append(line(width / 2, 186, cx, siteTop));
            String link = s.connection().type() == Site.ConnectionType.VPN
                    ? "VPN " + s.connection().vpnEndpoint().map(Object::toString).orElse("") : "Direct Connect";
            text(svg, x + 10, siteTop - 8, "italic", link);
            svg.append(box(x, siteTop, COLUMN - 20, siteHeight, "#f1f8ee", "#2e7d32"));
            int y = siteTop + 20;
            text(svg, x + 10, y, "bold", "site " + s.name() + (s.zone().equals(s.name()) ? "" : " (zone " + s.zone() + ")"));
            y += LINE;
            text(svg, x + 10, y, null, "nodes " + join(s.nodeNetworks()));
            y += LINE;
            text(svg, x + 10, y, null, "pods " + join(s.podNetworks()) + " /" + spec.cni().nodeBlockSize() + " per host");
            y += LINE;
            text(svg, x + 10, y, null, s.router().map(r -> "router " + r.address() + " AS " + r.asn() + " (" + r.kind().name().toLowerCase() + ")")
                    .orElse("no router"));
            y += LINE;
            text(svg, x + 10, y, null, s.loadBalancer().map(lb -> "LB " + lb.type().name().toLowerCase() + " " + join(lb.ranges())).orElse("no load balancer"));
            y += LINE + 4;
            List<Host> hosts = s.hosts();
            for (int h = 0; h < Math.min(HOSTS_SHOWN, hosts.size()); h++) {
                Host host = hosts.get(h);
                svg.append("<circle cx=\"").append(x + 16).append("\" cy=\"").append(y - 4).append("\" r=\"4\" fill=\"#2e7d32\"/>\n");
                text(svg, x + 26, y, null, host.name() + "  " + host.address() + "  pods " + intent.allocations().blockOf(host));
                y += LINE;
            }
            if (hosts.size() > HOSTS_SHOWN) {
                text(svg, x + 26, y, "italic", "... and " + (hosts.size() - HOSTS_SHOWN) + " more hosts");
            }
        }
        if (spec.sites().size() > SITES_SHOWN) {
            int x = 20 + sites.size() * COLUMN;
            text(svg, x + 10, siteTop + 20, "italic", "... and " + (spec.sites().size() - SITES_SHOWN) + " more sites");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String box(int x, int y, int w, int h, String fill, String stroke) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" rx=\"8\" fill=\"" + fill
                + "\" stroke=\"" + stroke + "\" stroke-width=\"2\"/>\n";
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#555555\" stroke-width=\"2\"/>\n";
    }

    private static void text(StringBuilder svg, int x, int y, String style, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"');
        if ("bold".equals(style)) {
            svg.append(" font-weight=\"bold\"");
        } else if ("italic".equals(style)) {
            svg.append(" font-style=\"italic\"");
        }
        svg.append('>').append(esc(text)).append("</text>\n");
    }

    private static String join(List<?> items) {
        return items.isEmpty() ? "-" : String.join(", ", items.stream().map(Object::toString).toList());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
