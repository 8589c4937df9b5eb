package io.hybridctl.spec.validate;

import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

/**
 * Pod routing design: what each mode needs (a router, knowable per-node blocks), what unroutable pods give up, and
 * whether BGP speakers can form a session with the router at all (ASNs, timers).
 */
final class RoutingRules implements RuleGroup {

    @Override
    public void check(ValidationContext ctx) {
        HybridCluster spec = ctx.spec();
        Cni cni = spec.cni();
        if (cni.podRouting() == Cni.PodRouting.STATIC && cni.plugin() == Cni.Plugin.CILIUM) {
            ctx.report("DES012", "spec.cni.podRouting", "static pod routing needs per-node blocks known in advance; Cilium cluster-pool IPAM hands them out at run time",
                    "use podRouting: bgp with Cilium, or plugin: calico, whose per-host IP pools make static routes possible");
        }
        if (cni.podRouting() == Cni.PodRouting.NONE) {
            ctx.report("DES013", "spec.cni.podRouting", "pods are not routable: webhooks must run on cloud nodes, ALB/NLB target-type ip and cloud-to-hybrid pod traffic will not work",
                    "plan renders affinity patches that keep webhooks off hybrid nodes; choose bgp or static routing if you need any of these");
        }
        boolean needsRouter = cni.podRouting() != Cni.PodRouting.NONE;
        asn(ctx, cni.bgp().asn(), "spec.cni.bgp.asn", "nodes");
        Cni.Bgp bgp = cni.bgp();
        if (bgp.keepaliveTimeSeconds() * 3L > bgp.holdTimeSeconds()) {
            ctx.report("DES020", "spec.cni.bgp.keepaliveTimeSeconds", "keepalive " + bgp.keepaliveTimeSeconds() + "s is more than a third of hold time " + bgp.holdTimeSeconds() + "s",
                    "use keepalive <= hold/3, e.g. 30 and 90, so one lost keepalive does not drop the session");
        }
        for (Site site : spec.sites()) {
            if (site.router().isEmpty()) {
                if (needsRouter) {
                    ctx.report("DES004", site.path(), "site " + site.name() + " has no router, but podRouting " + cni.podRouting().name().toLowerCase() + " needs one to route pod blocks",
                            "add router: {address: <router IP on the node network>, asn: <router ASN>}");
                }
                continue;
            }
            Site.Router r = site.router().get();
            asn(ctx, r.asn(), site.path() + ".router.asn", "router of site " + site.name());
            if (cni.podRouting() == Cni.PodRouting.BGP && (r.holdTimeSeconds() != bgp.holdTimeSeconds() || r.keepaliveTimeSeconds() != bgp.keepaliveTimeSeconds())) {
                ctx.report("DES020", site.path() + ".router", "router timers " + r.keepaliveTimeSeconds() + "/" + r.holdTimeSeconds() + "s differ from the nodes' "
                        + bgp.keepaliveTimeSeconds() + "/" + bgp.holdTimeSeconds() + "s", "set the same keepalive and hold time on both sides so failover times are what you expect");
            }
            for (Host h : site.hosts()) {
                h.asn().ifPresent(a -> asn(ctx, a, h.path() + ".overrides.asn", "host " + h.name()));
            }
        }
        for (Site site : spec.sites()) {
            site.loadBalancer().ifPresent(lb -> {
                if (lb.type() == Site.LoadBalancerType.CILIUM_LB_IPAM && cni.plugin() != Cni.Plugin.CILIUM) {
                    ctx.report("DES021", site.path() + ".loadBalancer.type", "Cilium LB IPAM needs the Cilium CNI, the cluster uses " + cni.plugin().name().toLowerCase(),
                            "use type: metallb with Calico");
                } else if (lb.type() == Site.LoadBalancerType.CILIUM_LB_IPAM && cni.podRouting() != Cni.PodRouting.BGP) {
                    ctx.report("DES021", site.path() + ".loadBalancer.type", "Cilium LB IPAM addresses are advertised over BGP, but podRouting is " + cni.podRouting().name().toLowerCase(),
                            "use podRouting: bgp, or type: metallb for L2 announcements");
                } else if (lb.type() == Site.LoadBalancerType.CILIUM_LB_IPAM && site.router().isEmpty()) {
                    ctx.report("DES021", site.path() + ".loadBalancer.type", "Cilium LB IPAM announces " + lb.ranges().size()
                                    + " range(s) over BGP, but site " + site.name() + " has no router to announce them to",
                            "add sites[].router (address, asn) so the site learns the load balancer addresses, or use type: metallb on the node LAN");
                }
            });
        }
    }

    private static void asn(ValidationContext ctx, long asn, String path, String who) {
        if (asn < 0 || asn > 4_294_967_295L) {
            return; // out of range: the structural check already said so
        }
        if (asn == 0 || asn == 23456 || asn == 65535 || asn == 4_294_967_295L) {
            ctx.report("DES010", path, "ASN " + asn + " of the " + who + " is reserved and cannot be used", "use a private ASN such as 64512-65534");
        } else if (!(asn >= 64512 && asn <= 65534) && !(asn >= 4_200_000_000L && asn <= 4_294_967_294L)) {
            ctx.report("DES011", path, "ASN " + asn + " of the " + who + " is a public ASN", "unless you own it, use a private ASN: 64512-65534 or 4200000000-4294967294");
        }
    }
}
