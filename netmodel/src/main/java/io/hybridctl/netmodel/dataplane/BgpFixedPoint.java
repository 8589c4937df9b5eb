package io.hybridctl.netmodel.dataplane;

import io.hybridctl.netmodel.bgp.BgpRoute;
import io.hybridctl.netmodel.bgp.BgpSession;
import io.hybridctl.netmodel.bgp.BgpNeighbor;
import io.hybridctl.netmodel.bgp.BgpConfig;
import io.hybridctl.netmodel.bgp.SessionStatus;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Sessions and routes of every BGP speaker. A session comes up only when each side names the other's interface address
 * on a shared network, expects the other's AS, and uses the same timers. Routes then propagate in synchronous rounds
 * (advertise, filter, select) until nothing changes, like one EGP round of Batfish's IBDP, capped so that a design
 * that oscillates is reported instead of hanging.
 */
public final class BgpFixedPoint {

    public static final int MAX_ROUNDS = 64;

    /** Both ends of an established session, seen from the receiving side. */
    private record Link(int receiver, Ipv4Address receiverAddress, int sender, String senderName, long senderAsn,
                        Ipv4Address senderAddress, boolean internal, boolean receiverIsClientOfSender) {
    }

    public record Result(List<BgpSession> sessions, Map<String, List<BgpRoute>> routes, boolean converged) {
        public List<BgpRoute> routesOf(String node) {
            return routes.getOrDefault(node, List.of());
        }
    }

    private BgpFixedPoint() {
    }

    /**
     * @param owner finds the node and interface that owns an address on a segment (from the layer-2 index)
     */
    public static Result run(Network network, BiFunction<String, Ipv4Address, Optional<Integer>> owner) {
        List<BgpSession> sessions = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int a = 0; a < network.size(); a++) {
            Node node = network.node(a);
            if (node.bgp().isEmpty()) {
                continue;
            }
            for (BgpNeighbor nb : node.bgp().get().neighbors()) {
                sessions.add(session(network, owner, a, nb, links));
            }
        }
        return propagate(network, sessions, links);
    }

    private static BgpSession session(Network network, BiFunction<String, Ipv4Address, Optional<Integer>> owner, int a,
                                      BgpNeighbor nb, List<Link> links) {
        Node node = network.node(a);
        BgpConfig mine = node.bgp().orElseThrow();
        Optional<Interface> via = node.interfaces().stream().filter(i -> i.network().contains(nb.peerAddress())).findFirst();
        if (via.isEmpty()) {
            return new BgpSession(node.name(), Ipv4Address.of(0), Optional.empty(), nb.peerAddress(), SessionStatus.PEER_UNREACHABLE,
                    "no interface of " + node.name() + " is on a network holding " + nb.peerAddress(), nb.provenance());
        }
        Ipv4Address local = via.get().address();
        Optional<Integer> b = owner.apply(via.get().segment(), nb.peerAddress())
                .filter(i -> i != a && network.node(i).interfaces().stream().anyMatch(x -> x.address().equals(nb.peerAddress())));
        if (b.isEmpty()) {
            return new BgpSession(node.name(), local, Optional.empty(), nb.peerAddress(), SessionStatus.PEER_UNREACHABLE,
                    "nothing on " + via.get().segment() + " answers at " + nb.peerAddress(), nb.provenance());
        }
        Node peer = network.node(b.get());
        Optional<BgpNeighbor> back = peer.bgp().flatMap(c -> c.neighbors().stream().filter(x -> x.peerAddress().equals(local)).findFirst());
        if (back.isEmpty()) {
            return new BgpSession(node.name(), local, Optional.of(peer.name()), nb.peerAddress(), SessionStatus.HALF_OPEN,
                    peer.name() + " has no BGP neighbor " + local, nb.provenance());
        }
        long peerAsn = peer.bgp().get().localAsn();
        if (nb.remoteAsn() != peerAsn || back.get().remoteAsn() != mine.localAsn()) {
            String detail = nb.remoteAsn() != peerAsn
                    ? node.name() + " expects AS " + nb.remoteAsn() + " but " + peer.name() + " is AS " + peerAsn
                    : peer.name() + " expects AS " + back.get().remoteAsn() + " but " + node.name() + " is AS " + mine.localAsn();
            return new BgpSession(node.name(), local, Optional.of(peer.name()), nb.peerAddress(), SessionStatus.ASN_MISMATCH, detail, nb.provenance());
        }
        if (nb.holdTimeSeconds() != back.get().holdTimeSeconds() || nb.keepaliveSeconds() != back.get().keepaliveSeconds()) {
            return new BgpSession(node.name(), local, Optional.of(peer.name()), nb.peerAddress(), SessionStatus.TIMER_MISMATCH,
                    node.name() + " hold/keepalive " + nb.holdTimeSeconds() + "/" + nb.keepaliveSeconds() + " s, " + peer.name() + " "
                            + back.get().holdTimeSeconds() + "/" + back.get().keepaliveSeconds() + " s", nb.provenance());
        }
        links.add(new Link(a, local, b.get(), peer.name(), peerAsn, nb.peerAddress(), peerAsn == mine.localAsn(),
                back.get().routeReflectorClient()));
        return new BgpSession(node.name(), local, Optional.of(peer.name()), nb.peerAddress(), SessionStatus.ESTABLISHED, "", nb.provenance());
    }

    private static Result propagate(Network network, List<BgpSession> sessions, List<Link> links) {
        int n = network.size();
        List<Map<Prefix, BgpRoute>> best = new ArrayList<>(n);
        List<List<Link>> inbound = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            best.add(new LinkedHashMap<>());
            inbound.add(new ArrayList<>());
        }
        for (Link l : links) {
            inbound.get(l.receiver()).add(l);
        }
        boolean converged = false;
        for (int round = 0; round < MAX_ROUNDS && !converged; round++) {
            List<Map<Prefix, BgpRoute>> next = new ArrayList<>(n);
            converged = true;
            for (int r = 0; r < n; r++) {
                Map<Prefix, BgpRoute> chosen = new LinkedHashMap<>();
                Node receiver = network.node(r);
                for (Link l : inbound.get(r)) {
                    for (BgpRoute offered : exports(network, best, l)) {
                        BgpRoute received = receive(receiver, l, offered);
                        if (received == null) {
                            continue;
                        }
                        BgpRoute current = chosen.get(received.prefix());
                        if (current == null || received.betterThan(current)) {
                            chosen.put(received.prefix(), received);
                        }
                    }
                }
                if (!chosen.equals(best.get(r))) {
                    converged = false;
                }
                next.add(chosen);
            }
            best = next;
        }
        Map<String, List<BgpRoute>> routes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!best.get(i).isEmpty()) {
                routes.put(network.node(i).name(), List.copyOf(best.get(i).values()));
            }
        }
        return new Result(List.copyOf(sessions), routes, converged);
    }

    /** What the sender offers over the link: its own prefixes, and learned routes unless iBGP split horizon forbids. */
    private static List<BgpRoute> exports(Network network, List<Map<Prefix, BgpRoute>> best, Link l) {
        Node sender = network.node(l.sender());
        List<BgpRoute> out = new ArrayList<>();
        for (BgpConfig.Advertisement adv : sender.bgp().orElseThrow().originated()) {
            out.add(new BgpRoute(adv.prefix(), l.senderAddress(), List.of(), false, sender.name(), sender.name(), adv.provenance()));
        }
        for (BgpRoute learned : best.get(l.sender()).values()) {
            if (learned.internal() && l.internal() && !l.receiverIsClientOfSender()) {
                continue;
            }
            out.add(learned);
        }
        return out;
    }

    private static BgpRoute receive(Node receiver, Link l, BgpRoute offered) {
        long myAsn = receiver.bgp().orElseThrow().localAsn();
        if (offered.origin().equals(receiver.name())) {
            return null;
        }
        List<Long> path = offered.asPath();
        Ipv4Address nextHop = offered.nextHop();
        if (!l.internal()) {
            List<Long> longer = new ArrayList<>(path.size() + 1);
            longer.add(l.senderAsn());
            longer.addAll(path);
            path = longer;
            nextHop = l.senderAddress();
        } else if (offered.origin().equals(offered.learnedFrom()) && offered.asPath().isEmpty()) {
            nextHop = l.senderAddress();
        }
        if (path.contains(myAsn)) {
            return null;
        }
        Ipv4Address hop = nextHop;
        if (receiver.interfaces().stream().noneMatch(i -> i.network().contains(hop))) {
            return null;
        }
        return new BgpRoute(offered.prefix(), nextHop, path, l.internal(), offered.origin(), l.senderName(), offered.provenance());
    }
}
