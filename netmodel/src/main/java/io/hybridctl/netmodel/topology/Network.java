package io.hybridctl.netmodel.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All nodes of one model, indexed by name and by position (the analyser works on positions). */
public final class Network {

    private final List<Node> nodes;
    private final Map<String, Integer> byName;

    public Network(Collection<Node> nodes) {
        this.nodes = List.copyOf(nodes);
        this.byName = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < this.nodes.size(); i++) {
            if (byName.put(this.nodes.get(i).name(), i) != null) {
                throw new IllegalArgumentException("two nodes are named " + this.nodes.get(i).name());
            }
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    public int size() {
        return nodes.size();
    }

    public Optional<Node> node(String name) {
        Integer i = byName.get(name);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    public int indexOf(String name) {
        Integer i = byName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no node named " + name);
        }
        return i;
    }

    /** A copy with some nodes replaced by name (how observed state overrides the design). */
    public Network replacing(Collection<Node> replacements) {
        Map<String, Node> r = new HashMap<>();
        replacements.forEach(n -> r.put(n.name(), n));
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            out.add(r.getOrDefault(n.name(), n));
        }
        return new Network(out);
    }
}
