package io.hybridctl.plan.render.site;

import io.hybridctl.net.Prefix;
import io.hybridctl.plan.intent.IpsecSelectors;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A site's AWS Site-to-Site VPN as a route-based strongSwan configuration. AWS gives each tunnel one SA pair ("Each
 * tunnel is limited to one unique SA pair"), so each of the two tunnels has exactly one CHILD_SA, with one selector pair
 * (0.0.0.0/0 both ways, AWS's default, unless the spec gives one pair) and its own XFRM interface id. Which traffic
 * goes where is then up to routes: updown.sh puts the VPC routes on the interface of each tunnel that is up, tunnel 1
 * preferred by metric, so tunnel 2 carries the traffic once tunnel 1's SA is gone. Three files: swanctl.conf,
 * updown.sh, and strongswan.conf's snippet that stops charon from routing 0.0.0.0/0 itself.
 */
public final class SwanctlRenderer {

    private static final String ANY = "0.0.0.0/0";

    public static String updownPath(String site) {
        return "/etc/swanctl/hybridctl-" + site + "-updown.sh";
    }

    /** XFRM interface id of tunnel t (1, 2) of the site with the given index; unique per VPN device. */
    static int interfaceId(int siteIndex, int tunnel) {
        return (siteIndex + 1) * 10 + tunnel;
    }

    public String render(String cluster, IpsecSelectors selectors, int siteIndex) {
        String local = selectors.localAddress().map(Object::toString).orElse("%any");
        String site = selectors.site();
        String localTs = onePair(selectors, true);
        String remoteTs = onePair(selectors, false);
        StringBuilder c = new StringBuilder();
        c.append("# strongSwan swanctl.conf for site ").append(site).append(" of EKS hybrid cluster ").append(cluster).append(" (hybridctl plan).\n");
        c.append("# Route-based: one CHILD_SA per AWS tunnel, each on its own XFRM interface; updown.sh routes the VPC over the tunnels.\n");
        c.append("# Install: this file into /etc/swanctl/conf.d/, updown.sh as ").append(updownPath(site)).append(" (mode 0755),\n");
        c.append("# strongswan-hybridctl.conf into /etc/strongswan.d/; fill the ").append(NodeCredentials.PLACEHOLDER)
                .append(" values from the AWS VPN configuration download; swanctl --load-all.\n");
        c.append("#\n# The AWS VPN connection's tunnel options must match (README.md lists them too):\n");
        c.append("#   IKE version ikev2; phase 1 and 2: AES256, SHA2-256, DH group 14 (PFS on)\n");
        c.append("#   local and remote IPv4 network CIDR: ").append(localTs).append(" / ").append(remoteTs).append(" (one selector pair per tunnel)\n");
        c.append("#   routing: static routes (or BGP) to this site's networks; DPD timeout action: restart; startup action: start\n");
        c.append("connections {\n");
        for (int t = 1; t <= 2; t++) {
            String remote = NodeCredentials.PLACEHOLDER + "-tunnel" + t + "-outside-ip";
            c.append("    aws-").append(site).append("-tunnel").append(t).append(" {\n");
            c.append("        version = 2\n");
            c.append("        local_addrs = ").append(local).append('\n');
            c.append("        remote_addrs = ").append(remote).append('\n');
            c.append("        proposals = aes256-sha256-modp2048\n");
            c.append("        dpd_delay = 10s\n");
            c.append("        local {\n            auth = psk\n            id = ").append(local).append("\n        }\n");
            c.append("        remote {\n            auth = psk\n            id = ").append(remote).append("\n        }\n");
            c.append("        children {\n");
            c.append("            ").append(site).append("-t").append(t).append(" {\n");
            c.append("                local_ts = ").append(localTs).append('\n');
            c.append("                remote_ts = ").append(remoteTs).append('\n');
            c.append("                if_id_in = ").append(interfaceId(siteIndex, t)).append('\n');
            c.append("                if_id_out = ").append(interfaceId(siteIndex, t)).append('\n');
            c.append("                esp_proposals = aes256-sha256-modp2048\n");
            c.append("                updown = ").append(updownPath(site)).append('\n');
            c.append("                dpd_action = restart\n");
            c.append("                close_action = start\n");
            c.append("                start_action = start\n");
            c.append("            }\n");
            c.append("        }\n    }\n");
        }
        c.append("}\n");
        c.append("secrets {\n");
        for (int t = 1; t <= 2; t++) {
            c.append("    ike-").append(site).append("-tunnel").append(t).append(" {\n");
            c.append("        id-remote = ").append(NodeCredentials.PLACEHOLDER).append("-tunnel").append(t).append("-outside-ip\n");
            c.append("        secret = \"").append(NodeCredentials.PLACEHOLDER).append("-tunnel").append(t).append("-pre-shared-key\"\n");
            c.append("    }\n");
        }
        c.append("}\n");
        return c.toString();
    }

    /** updown.sh: the XFRM interface of a tunnel, and the VPC routes on it while its SA is up (metric 100 + tunnel). */
    public String updown(String cluster, IpsecSelectors selectors, int siteIndex) {
        String site = selectors.site();
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n");
        sh.append("# strongSwan updown for the AWS tunnels of site ").append(site).append(" of EKS hybrid cluster ").append(cluster)
                .append(" (hybridctl plan). Install as ").append(updownPath(site)).append(".\n");
        sh.append("# While a tunnel's CHILD_SA is up its XFRM interface carries the VPC routes; tunnel 1 wins by metric, and when its SA\n");
        sh.append("# goes down (DPD, rekey failure, AWS maintenance) its routes go with it, so tunnel 2 carries the traffic.\n");
        sh.append("set -e\n");
        sh.append("case \"$PLUTO_CONNECTION\" in\n");
        for (int t = 1; t <= 2; t++) {
            int id = interfaceId(siteIndex, t);
            sh.append("  ").append(site).append("-t").append(t).append(") ifname=xfrm").append(id).append(" ifid=").append(id)
                    .append(" metric=").append(100 + t).append(" ;;\n");
        }
        sh.append("  *) exit 0 ;;\nesac\n");
        sh.append("networks=\"").append(cloudNetworks(selectors).stream().map(Prefix::toString).collect(Collectors.joining(" "))).append("\"\n");
        sh.append("case \"$PLUTO_VERB\" in\n");
        sh.append("  up-client)\n");
        sh.append("    ip link show \"$ifname\" >/dev/null 2>&1 || ip link add \"$ifname\" type xfrm if_id \"$ifid\"\n");
        sh.append("    ip link set \"$ifname\" up\n");
        sh.append("    for net in $networks; do ip route replace \"$net\" dev \"$ifname\" metric \"$metric\"; done\n");
        sh.append("    ;;\n");
        sh.append("  down-client)\n");
        sh.append("    for net in $networks; do ip route del \"$net\" dev \"$ifname\" metric \"$metric\" 2>/dev/null || true; done\n");
        sh.append("    ;;\n");
        sh.append("esac\n");
        return sh.toString();
    }

    /** charon must not route the 0.0.0.0/0 selectors itself (table 220 via the uplink); updown.sh routes instead. */
    public String strongswanConf(String site) {
        return "# /etc/strongswan.d/hybridctl.conf for site " + site + " (hybridctl plan): the tunnels are route-based,\n"
                + "# their routes come from " + updownPath(site) + ", so charon installs none of its own.\n"
                + "charon {\n    install_routes = no\n}\n";
    }

    /** The cloud side the tunnels must reach: every child's remote selectors (the VPC CIDRs). */
    static List<Prefix> cloudNetworks(IpsecSelectors selectors) {
        Set<Prefix> out = new LinkedHashSet<>();
        selectors.children().forEach(ch -> out.addAll(ch.remote()));
        return List.copyOf(out);
    }

    /** One selector pair, as AWS allows: the spec's explicit selectors when they are one prefix a side, else 0.0.0.0/0. */
    private static String onePair(IpsecSelectors selectors, boolean local) {
        if (selectors.children().size() == 1 && selectors.children().get(0).name().equals("selectors")) {
            List<Prefix> side = local ? selectors.children().get(0).local() : selectors.children().get(0).remote();
            if (side.size() == 1) {
                return side.get(0).toString();
            }
        }
        return ANY;
    }
}
