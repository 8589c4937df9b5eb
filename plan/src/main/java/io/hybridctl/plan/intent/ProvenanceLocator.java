package io.hybridctl.plan.intent;

import io.hybridctl.net.Provenance;
import io.hybridctl.plan.Artifact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Fills in the line of each intent entry in the artifact it was rendered into, once all artifacts exist, so that a
 * finding about an entry (from verify, say) can point at the exact line of frr.conf or the template. Each artifact is
 * indexed once (stripped line -> line numbers), so locating is linear in the size of the output.
 */
public final class ProvenanceLocator {

    private final Map<String, Artifact> artifacts;
    private final Map<String, Map<String, List<Integer>>> index = new HashMap<>();
    /** How many times an anchor was used already, so repeated identical lines are matched in order. */
    private final Map<String, Integer> used = new HashMap<>();

    private ProvenanceLocator(Map<String, Artifact> artifacts) {
        this.artifacts = artifacts;
    }

    public static NetworkIntent locate(NetworkIntent intent, Map<String, Artifact> artifacts) {
        ProvenanceLocator l = new ProvenanceLocator(artifacts);
        List<VpcRoute> routes = map(intent.vpcRoutes(), (r, p) -> new VpcRoute(r.routeTable(), r.destination(), r.target(),
                l.at(p, "DestinationCidrBlock: " + r.destination())));
        List<SecurityGroupRule> sg = map(intent.securityGroupRules(), (r, p) -> new SecurityGroupRule(r.direction(), r.protocol(),
                r.ports(), r.cidr(), r.reason(), l.at(p, "CidrIp: " + r.cidr())));
        List<FirewallRule> fw = new ArrayList<>();
        Map<String, Integer> perSite = new HashMap<>();
        for (FirewallRule r : intent.firewallRules()) {
            int n = perSite.merge(r.site(), 1, Integer::sum);
            fw.add(new FirewallRule(r.site(), r.direction(), r.protocol(), r.ports(), r.source(), r.destination(), r.reason(),
                    l.tableRow(r.provenance(), n)));
        }
        List<RouterConfig> routers = new ArrayList<>();
        for (RouterConfig rc : intent.routers()) {
            routers.add(switch (rc) {
                case RouterConfig.StaticRouting s -> new RouterConfig.StaticRouting(s.site(), s.routerAddress(), s.kind(), s.upstreamCidrs(),
                        map(s.routes(), (r, p) -> new StaticRoute(r.host(), r.destination(), r.nextHop(),
                                l.at(p, "ip route " + r.destination() + " " + r.nextHop()))), s.provenance().atLine(1));
                case RouterConfig.BgpRouting b -> new RouterConfig.BgpRouting(b.site(), b.routerAddress(), b.kind(), b.upstreamCidrs(),
                        b.localAsn(), map(b.neighbors(), (n, p) -> new RouterNeighbor(n.host(), n.address(), n.remoteAsn(), n.holdTimeSeconds(),
                        n.keepaliveTimeSeconds(), n.gracefulRestart(), n.routeReflectorClient(),
                        l.at(p, "neighbor " + n.address() + " remote-as " + n.remoteAsn()))), b.acceptedPrefixes(), b.acceptedMaxLength(),
                        l.at(b.provenance(), "router bgp " + b.localAsn()));
            });
        }
        List<IpsecSelectors> ipsec = map(intent.ipsec(), (s, p) -> new IpsecSelectors(s.site(), s.localAddress(), s.children(),
                l.at(p, "connections {")));
        List<LoadBalancerPool> lbs = map(intent.loadBalancerPools(), (pool, p) -> new LoadBalancerPool(pool.site(), pool.name(),
                pool.type(), pool.ranges(), pool.advertisement(), l.at(p, "name: " + pool.name())));
        return new NetworkIntent(intent.cluster(), intent.vpcCidrs(), intent.routeTables(), intent.serviceCidr(), intent.remoteNodeNetworks(),
                intent.remotePodNetworks(), intent.podsRoutable(), intent.allocations(), routes, sg, fw, routers, ipsec,
                intent.bgpSpeakers(), lbs, intent.masquerades());
    }

    private static <T> List<T> map(List<T> items, BiFunction<T, Provenance, T> f) {
        List<T> out = new ArrayList<>(items.size());
        for (T t : items) {
            out.add(f.apply(t, provenanceOf(t)));
        }
        return out;
    }

    private static Provenance provenanceOf(Object entry) {
        return switch (entry) {
            case VpcRoute r -> r.provenance();
            case SecurityGroupRule r -> r.provenance();
            case StaticRoute r -> r.provenance();
            case RouterNeighbor n -> n.provenance();
            case IpsecSelectors s -> s.provenance();
            case LoadBalancerPool p -> p.provenance();
            default -> throw new IllegalArgumentException("no provenance on " + entry.getClass());
        };
    }

    /** The line of the next unused occurrence of a whole (stripped) line in the entry's artifact; unchanged if absent. */
    private Provenance at(Provenance p, String anchor) {
        if (p.artifact().isEmpty()) {
            return p;
        }
        String artifact = p.artifact().get();
        List<Integer> lines = lines(artifact).get(anchor);
        if (lines == null) {
            return p;
        }
        int n = used.merge(artifact + "\n" + anchor, 1, Integer::sum) - 1;
        return n < lines.size() ? p.atLine(lines.get(n)) : p;
    }

    /** Row n (1-based) of the Markdown table in the entry's artifact. */
    private Provenance tableRow(Provenance p, int n) {
        if (p.artifact().isEmpty()) {
            return p;
        }
        List<Integer> header = lines(p.artifact().get()).get("|---|---|---|---|---|---|---|");
        return header == null ? p : p.atLine(header.get(0) + n);
    }

    private Map<String, List<Integer>> lines(String artifact) {
        return index.computeIfAbsent(artifact, a -> {
            Map<String, List<Integer>> m = new HashMap<>();
            Artifact art = artifacts.get(a);
            if (art != null) {
                String[] ls = art.text().split("\n", -1);
                for (int i = 0; i < ls.length; i++) {
                    m.computeIfAbsent(ls[i].strip(), k -> new ArrayList<>(1)).add(i + 1);
                }
            }
            return m;
        });
    }
}
