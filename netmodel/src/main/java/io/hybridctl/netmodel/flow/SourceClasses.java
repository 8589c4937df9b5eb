package io.hybridctl.netmodel.flow;

import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.dataplane.FibEntry;
import io.hybridctl.netmodel.dataplane.Segments;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.route.RouteProtocol;
import io.hybridctl.netmodel.topology.Interface;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups source nodes that forward every packet alike: same filters, same routes apart from their own addresses and
 * private stub links (a host's veth to its pod block), and source addresses in one source atom. Tracing two members
 * of a group (two, so that each one's own addresses are covered as a destination by the other) answers for all.
 * A node's route shape does not change during a run, so it is computed once per node, and one instance serves all
 * of a run's analyser threads.
 */
public final class SourceClasses {

    public record Candidate(String node, PrefixSet sources) {
    }

    public record Group(List<Candidate> members) {
        public Group {
            members = List.copyOf(members);
        }

        public List<Candidate> representatives() {
            return members.subList(0, Math.min(2, members.size()));
        }
    }

    private record Signature(List<Integer> inbound, List<Integer> outbound, List<Object> routes) {
    }

    private record Key(int behaviour, int atom) {
    }

    private record RouteShape(Object prefix, Object nextHop, String segment, Object gateway) {
    }

    private final DataPlane dataPlane;
    private final SourceAtoms atoms;
    // Shared by the analyser threads of one verify run, hence concurrent maps.
    private final Map<Integer, List<Object>> shapes = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> behaviourOfNode = new ConcurrentHashMap<>();
    private final Map<Signature, Integer> behaviours = new ConcurrentHashMap<>();
    private final AtomicInteger nextBehaviour = new AtomicInteger();
    // Filters are told apart by identity: hashing their rules for every candidate node cost more than the analysis.
    private final Map<Filter, Integer> filterIds = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    public SourceClasses(DataPlane dataPlane, SourceAtoms atoms) {
        this.dataPlane = dataPlane;
        this.atoms = atoms;
    }

    public List<Group> group(List<Candidate> candidates) {
        Map<Object, List<Candidate>> groups = new LinkedHashMap<>();
        int unique = 0;
        for (Candidate c : candidates) {
            int index = dataPlane.network().indexOf(c.node());
            int atom = atomOf(c.sources());
            Object key = atom < 0 ? Integer.valueOf(unique++) : new Key(behaviour(index), atom);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Group> out = new ArrayList<>(groups.size());
        groups.values().forEach(m -> out.add(new Group(m)));
        return out;
    }

    /** An id shared by nodes that filter and route alike (signatures are deep; each is hashed once per node). */
    private int behaviour(int index) {
        return behaviourOfNode.computeIfAbsent(index, i -> {
            Node node = dataPlane.network().node(i);
            return behaviours.computeIfAbsent(new Signature(ids(node.inbound()), ids(node.outbound()), shape(i, 0)), k -> nextBehaviour.getAndIncrement());
        });
    }

    private List<Integer> ids(List<Filter> filters) {
        if (filters.isEmpty()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>(filters.size());
        for (Filter f : filters) {
            synchronized (filterIds) {
                out.add(filterIds.computeIfAbsent(f, k -> filterIds.size()));
            }
        }
        return out;
    }

    private int atomOf(PrefixSet sources) {
        if (sources.isEmpty()) {
            return -1;
        }
        var ranges = sources.ranges();
        int atom = atoms.atomOf(ranges.get(0).first().value());
        for (var r : ranges) {
            if (atoms.atomOf(r.first().value()) != atom || atoms.atomOf(r.last().value()) != atom) {
                return -1;
            }
        }
        return atom;
    }

    /**
     * The node's routes without its own addresses and private stubs. A gateway at the far end of a two-member link (a
     * pod block's host) is replaced by that peer's own shape, so pod blocks of equivalent hosts are equivalent too.
     */
    private List<Object> shape(int index, int depth) {
        List<Object> known = shapes.get(index * 4 + depth);
        if (known != null) {
            return known;
        }
        Node node = dataPlane.network().node(index);
        List<Object> out = new ArrayList<>();
        for (FibEntry e : dataPlane.table(index).entries()) {
            if (e.route().protocol() == RouteProtocol.LOCAL || ownedByNode(node, e.route().prefix())) {
                continue;
            }
            String segment = e.egress().flatMap(node::iface).map(Interface::segment).orElse(null);
            if (segment != null && privateStub(segment, index)) {
                continue;
            }
            List<Segments.Attachment> members = segment == null ? List.of() : dataPlane.segments().members(segment);
            if (depth < 2 && members.size() == 2 && (e.gateway().isPresent() || e.route().protocol() != RouteProtocol.CONNECTED)) {
                int peer = members.get(0).node() == index ? members.get(1).node() : members.get(0).node();
                Node p = dataPlane.network().node(peer);
                out.add(List.of(e.route().prefix(), ids(p.inbound()), ids(p.outbound()), shape(peer, depth + 1)));
                continue;
            }
            out.add(new RouteShape(e.route().prefix(), e.route().nextHop(), segment, e.gateway().orElse(null)));
        }
        List<Object> result = List.copyOf(out);
        shapes.put(index * 4 + depth, result);
        return result;
    }

    private static boolean ownedByNode(Node node, io.hybridctl.net.Prefix prefix) {
        for (var r : node.local()) {
            if (r.prefix().contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A link to nodes that have no other link: what lies behind it is this node's own (its pod block). */
    private boolean privateStub(String segment, int self) {
        for (Segments.Attachment a : dataPlane.segments().members(segment)) {
            if (a.node() != self && dataPlane.network().node(a.node()).interfaces().size() > 1) {
                return false;
            }
        }
        return true;
    }
}
