package io.hybridctl.netmodel.flow;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.netmodel.Header;
import io.hybridctl.netmodel.filter.Action;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.Rule;
import io.hybridctl.netmodel.route.NextHop;
import io.hybridctl.netmodel.route.Route;
import io.hybridctl.netmodel.route.RouteProtocol;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference the analyser is checked against: one concrete packet at a time, lists scanned linearly, no tries, no
 * address sets, no memoisation. Static routes (no BGP) are activated with the same rule, written out naively.
 */
final class PacketSimulator {

    private record Installed(Route route, String egress, Ipv4Address gateway) {
    }

    private final Network network;
    private final List<List<Installed>> fibs = new ArrayList<>();

    PacketSimulator(Network network) {
        this.network = network;
        for (Node n : network.nodes()) {
            fibs.add(fib(n));
        }
    }

    private static List<Installed> fib(Node n) {
        List<Installed> fib = new ArrayList<>();
        for (Interface i : n.interfaces()) {
            install(fib, new Installed(Route.local(Prefix.containing(i.address(), 32), n.provenance()), null, null));
        }
        for (Route r : n.local()) {
            install(fib, new Installed(r, null, null));
        }
        for (Interface i : n.interfaces()) {
            install(fib, new Installed(new Route(i.network(), new NextHop.Out(i.name()), RouteProtocol.CONNECTED, n.provenance()), i.name(), null));
        }
        List<Route> pending = new ArrayList<>(n.staticRoutes());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < pending.size(); k++) {
                Route r = pending.get(k);
                Installed done = null;
                if (r.nextHop() instanceof NextHop.Discard || r.nextHop() instanceof NextHop.Accept) {
                    done = new Installed(r, null, null);
                } else if (r.nextHop() instanceof NextHop.Out o) {
                    for (Interface i : n.interfaces()) {
                        if (i.name().equals(o.iface())) {
                            done = new Installed(r, i.name(), null);
                        }
                    }
                } else if (r.nextHop() instanceof NextHop.Gateway g) {
                    Installed via = longest(fib, g.address());
                    boolean selfResolving = via != null && r.prefix().contains(g.address()) && via.route().prefix().length() <= r.prefix().length();
                    if (via != null && via.egress() != null && !selfResolving) {
                        done = new Installed(r, via.egress(), via.gateway() != null ? via.gateway() : g.address());
                    }
                }
                if (done != null) {
                    install(fib, done);
                    pending.remove(k--);
                    changed = true;
                }
            }
        }
        return fib;
    }

    /** One entry per prefix: a lower administrative distance replaces, otherwise the first stays. */
    private static void install(List<Installed> fib, Installed e) {
        for (int i = 0; i < fib.size(); i++) {
            if (fib.get(i).route().prefix().equals(e.route().prefix())) {
                if (e.route().protocol().adminDistance() < fib.get(i).route().protocol().adminDistance()) {
                    fib.set(i, e);
                }
                return;
            }
        }
        fib.add(e);
    }

    private static Installed longest(List<Installed> fib, Ipv4Address a) {
        Installed best = null;
        for (Installed e : fib) {
            if (e.route().prefix().contains(a) && (best == null || e.route().prefix().length() > best.route().prefix().length())) {
                best = e;
            }
        }
        return best;
    }

    Disposition send(String from, Ipv4Address src, Ipv4Address dst, Header header) {
        int current = network.indexOf(from);
        boolean originated = true;
        Set<Integer> seen = new HashSet<>();
        while (true) {
            if (!seen.add(current)) {
                return Disposition.LOOP;
            }
            Node n = network.node(current);
            if (!originated && !permits(n.inbound(), src, dst, header)) {
                return Disposition.DENIED_IN;
            }
            Installed e = longest(fibs.get(current), dst);
            if (e == null) {
                return Disposition.NO_ROUTE;
            }
            if (e.route().nextHop() instanceof NextHop.Accept) {
                return Disposition.ACCEPTED;
            }
            if (e.route().nextHop() instanceof NextHop.Discard) {
                return Disposition.NULL_ROUTED;
            }
            if (!permits(n.outbound(), src, dst, header)) {
                return Disposition.DENIED_OUT;
            }
            String segment = null;
            for (Interface i : n.interfaces()) {
                if (i.name().equals(e.egress())) {
                    segment = i.segment();
                }
            }
            Integer next;
            if (e.gateway() != null) {
                next = answering(segment, e.gateway(), current);
            } else {
                List<Integer> members = members(segment);
                if (members.size() == 2 && e.route().protocol() != RouteProtocol.CONNECTED) {
                    next = members.get(0) == current ? members.get(1) : members.get(0);
                } else {
                    next = answering(segment, dst, current);
                }
            }
            if (next == null) {
                return Disposition.NEIGHBOR_UNREACHABLE;
            }
            current = next;
            originated = false;
        }
    }

    private List<Integer> members(String segment) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < network.size(); k++) {
            for (Interface i : network.node(k).interfaces()) {
                if (i.segment().equals(segment)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** The node that answers ARP for the address on the segment: the longest owned prefix, first come on ties. */
    private Integer answering(String segment, Ipv4Address address, int self) {
        Integer best = null;
        int bestLength = -1;
        for (int k = 0; k < network.size(); k++) {
            Node n = network.node(k);
            for (Interface i : n.interfaces()) {
                if (!i.segment().equals(segment)) {
                    continue;
                }
                List<Prefix> owned = new ArrayList<>();
                owned.add(Prefix.containing(i.address(), 32));
                n.local().forEach(r -> owned.add(r.prefix()));
                for (Prefix p : owned) {
                    if (p.contains(address) && p.length() > bestLength) {
                        best = k;
                        bestLength = p.length();
                    }
                }
            }
        }
        return best == null || best == self ? null : best;
    }

    private static boolean permits(List<Filter> filters, Ipv4Address src, Ipv4Address dst, Header header) {
        for (Filter f : filters) {
            if (header.reply() && f.stateful()) {
                continue;
            }
            Action action = f.defaultAction();
            for (Rule r : f.rules()) {
                if (r.matches(src, dst, header)) {
                    action = r.action();
                    break;
                }
            }
            if (action == Action.DENY) {
                return false;
            }
        }
        return true;
    }
}
