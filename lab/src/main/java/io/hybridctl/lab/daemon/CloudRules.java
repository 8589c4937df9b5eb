package io.hybridctl.lab.daemon;

import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.intent.Direction;
import io.hybridctl.plan.intent.Masquerade;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.intent.SecurityGroupRule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * nftables rulesets for what AWS does in the lab's VPC namespace and what the CNI does on a node: the cluster
 * security group on the ENIs (stateful), each VPN's phase-2 selectors (traffic outside them never enters the
 * tunnel), and the CNI's masquerading of pod traffic in podRouting none.
 */
public final class CloudRules {

    public static final String SG_TABLE = "hybridctl_cluster_sg";
    public static final String NAT_TABLE = "hybridctl_cni_nat";

    private CloudRules() {
    }

    public static String vpc(LabTopology topology, NetworkIntent intent) {
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (LabTopology.SiteLab site : topology.sites()) {
            String dev = "\"" + site.cloudDevice() + "\"";
            String onPrem = set(site.onPremSelectors());
            String cloud = set(site.cloudSelectors());
            in.append("    iifname ").append(dev).append(" ip saddr != ").append(onPrem).append(" counter drop comment \"VPN selectors: ")
                    .append(site.name()).append("\"\n");
            in.append("    iifname ").append(dev).append(" ip daddr != ").append(cloud).append(" counter drop comment \"VPN selectors: ")
                    .append(site.name()).append("\"\n");
            out.append("    oifname ").append(dev).append(" ip daddr != ").append(onPrem).append(" counter drop comment \"VPN selectors: ")
                    .append(site.name()).append("\"\n");
            out.append("    oifname ").append(dev).append(" ip saddr != ").append(cloud).append(" counter drop comment \"VPN selectors: ")
                    .append(site.name()).append("\"\n");
        }
        // The cluster security group is on the control-plane ENIs; cloud pods and CoreDNS sit behind their nodes' groups.
        String enis = set(topology.vpc().apiServerAddresses().stream().map(a -> Prefix.of(a, 32)).toList());
        in.append("    ip daddr != ").append(enis).append(" accept\n");
        out.append("    ip saddr != ").append(enis).append(" accept\n");
        in.append("    ct state established,related accept\n");
        out.append("    ct state established,related accept\n");
        for (SecurityGroupRule rule : intent.securityGroupRules()) {
            String match = rule.protocol().id() + " dport " + rule.ports().from()
                    + (rule.ports().single() ? "" : "-" + rule.ports().to());
            String comment = " counter accept comment \"SG: " + rule.reason().replace('"', '\'') + "\"\n";
            if (rule.direction() == Direction.INBOUND) {
                in.append("    ip saddr ").append(rule.cidr()).append(' ').append(match).append(comment);
            } else {
                out.append("    ip daddr ").append(rule.cidr()).append(' ').append(match).append(comment);
            }
        }
        // Transit between sites (the transit gateway): each tunnel carries only its own selectors, both ways.
        StringBuilder fwd = new StringBuilder();
        for (LabTopology.SiteLab site : topology.sites()) {
            String dev = "\"" + site.cloudDevice() + "\"";
            String onPrem = set(site.onPremSelectors());
            String cloud = set(site.cloudSelectors());
            fwd.append("    iifname ").append(dev).append(" ip saddr != ").append(onPrem).append(" counter drop\n");
            fwd.append("    iifname ").append(dev).append(" ip daddr != ").append(cloud).append(" counter drop\n");
            fwd.append("    oifname ").append(dev).append(" ip daddr != ").append(onPrem).append(" counter drop\n");
            fwd.append("    oifname ").append(dev).append(" ip saddr != ").append(cloud).append(" counter drop\n");
        }
        String tunnels = topology.sites().stream().map(s -> "\"" + s.cloudDevice() + "\"").collect(Collectors.joining(", "));
        if (!topology.sites().isEmpty()) {
            in.append("    iifname { ").append(tunnels).append(" } counter drop comment \"SG: not allowed\"\n");
            out.append("    oifname { ").append(tunnels).append(" } counter drop comment \"SG: not allowed\"\n");
        }
        return "table ip " + SG_TABLE + " {\n  chain input {\n    type filter hook input priority filter; policy accept;\n"
                + in + "  }\n  chain output {\n    type filter hook output priority filter; policy accept;\n" + out
                + "  }\n  chain forward {\n    type filter hook forward priority filter; policy accept;\n" + fwd + "  }\n}\n";
    }

    /** The CNI's SNAT: pod traffic leaving the node, except to other pods, leaves with the node address. */
    public static String masquerade(Masquerade m, List<Prefix> podNetworks) {
        return "table ip " + NAT_TABLE + " {\n  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n"
                + "    oifname \"lan0\" ip saddr " + m.podBlock() + " ip daddr != " + set(podNetworks)
                + " counter masquerade comment \"CNI masquerade to " + m.translatedTo() + "\"\n  }\n}\n";
    }

    static String set(List<Prefix> prefixes) {
        if (prefixes.isEmpty()) {
            return "{ 0.0.0.0/32 }";
        }
        return "{ " + io.hybridctl.net.PrefixSet.ofPrefixes(prefixes).toPrefixes().stream().map(Prefix::toString).collect(Collectors.joining(", ")) + " }";
    }
}
