package io.hybridctl.spec.validate;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.OverlapSweep;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses on the site LANs: hosts and routers inside their node networks and unique, load balancer ranges inside a
 * node network and clear of every host, router and other range. Hash lookups and one sweep, no pairwise loops.
 */
final class AddressPlanRules implements RuleGroup {

    private record Claim(String path, String what) {
    }

    @Override
    public void check(ValidationContext ctx) {
        Map<Ipv4Address, Claim> taken = new HashMap<>();
        List<OverlapSweep.Tagged<Claim>> claims = new ArrayList<>();
        for (Site site : ctx.spec().sites()) {
            if (site.nodeNetworks().isEmpty()) {
                continue; // no usable node network: reported already, and every address would look misplaced
            }
            site.router().ifPresent(r -> {
                String p = site.path() + ".router.address";
                if (!inside(r.address(), site.nodeNetworks())) {
                    ctx.report("DES003", p, "router " + r.address() + " is outside site " + site.name() + "'s node networks " + site.nodeNetworks(),
                            "nodes peer with the router on their own LAN; use the router's address on a node network, or add that network");
                }
                claim(ctx, taken, claims, r.address(), new Claim(p, "router of site " + site.name()));
            });
            for (Host h : site.hosts()) {
                String p = h.path() + ".address";
                if (!inside(h.address(), site.nodeNetworks())) {
                    ctx.report("DES001", p, "host " + h.name() + " address " + h.address() + " is outside site " + site.name() + "'s node networks " + site.nodeNetworks(),
                            "nodeadm init fails when the node IP is not in remoteNodeNetworks; fix the address or add its network to nodeNetworks");
                }
                for (Prefix n : site.nodeNetworks()) {
                    if (n.length() <= 30 && (h.address().equals(n.first()) || h.address().equals(n.last()))) {
                        ctx.report("DES001", p, "host " + h.name() + " uses " + h.address() + ", the " + (h.address().equals(n.first()) ? "network" : "broadcast") + " address of " + n,
                                "pick a usable host address inside " + n);
                    }
                }
                claim(ctx, taken, claims, h.address(), new Claim(p, "host " + h.name()));
            }
            site.loadBalancer().ifPresent(lb -> {
                for (int i = 0; i < lb.ranges().size(); i++) {
                    AddressRange r = lb.ranges().get(i);
                    String p = site.path() + ".loadBalancer.ranges[" + i + "]";
                    // Only MetalLB L2 needs the node LAN; Cilium LB IPAM announces its range over BGP (RoutingRules, DES021).
                    if (lb.type() == Site.LoadBalancerType.METALLB && site.nodeNetworks().stream().noneMatch(r::within)) {
                        ctx.report("DES008", p, "load balancer range " + r + " is not inside one of site " + site.name() + "'s node networks",
                                "MetalLB L2 answers ARP only on the node LAN; take the range from a node network");
                    }
                    claims.add(new OverlapSweep.Tagged<>(r, new Claim(p, "load balancer range of site " + site.name())));
                }
            });
        }
        for (var o : OverlapSweep.find(claims)) {
            Claim a = o.earlier().owner();
            Claim b = o.later().owner();
            if (a.what().startsWith("load balancer") || b.what().startsWith("load balancer")) {
                Claim range = b.what().startsWith("load balancer") ? b : a;
                Claim other = range == b ? a : b;
                ctx.report("DES009", range.path(), range.what() + " collides with " + other.what() + " (" + other.path() + ")",
                        "shrink or move the range so it holds no host or router address and no other pool");
            }
        }
    }

    private static void claim(ValidationContext ctx, Map<Ipv4Address, Claim> taken, List<OverlapSweep.Tagged<Claim>> claims,
                              Ipv4Address address, Claim claim) {
        Claim previous = taken.putIfAbsent(address, claim);
        if (previous != null) {
            ctx.report("DES002", claim.path(), "address " + address + " of " + claim.what() + " is already used by " + previous.what() + " (" + previous.path() + ")",
                    "every host and router needs its own address");
        }
        claims.add(new OverlapSweep.Tagged<>(new AddressRange(address, address), claim));
    }

    static boolean inside(Ipv4Address a, List<Prefix> networks) {
        for (Prefix n : networks) {
            if (n.contains(a)) {
                return true;
            }
        }
        return false;
    }
}
