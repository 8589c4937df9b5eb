package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.netmodel.filter.Filter;
import io.hybridctl.netmodel.filter.Rule;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.netmodel.topology.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts the address space where any filter's source match changes. Two source addresses in the same atom match exactly
 * the same rules everywhere, so one representative per atom answers for all of them.
 */
public final class SourceAtoms {

    private final long[] cuts; // sorted starts of atoms; atom i is [cuts[i], cuts[i+1]-1]

    public SourceAtoms(Network network) {
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(0L);
        for (Node node : network.nodes()) {
            addAll(node.inbound(), starts);
            addAll(node.outbound(), starts);
        }
        cuts = starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static void addAll(List<Filter> filters, TreeSet<Long> starts) {
        for (Filter f : filters) {
            for (Rule r : f.rules()) {
                if (r.sources().isPresent()) {
                    for (AddressRange range : r.sources().get().ranges()) {
                        starts.add(range.first().value());
                        if (range.last().value() < 0xFFFF_FFFFL) {
                            starts.add(range.last().value() + 1);
                        }
                    }
                }
            }
        }
    }

    public int atomOf(long address) {
        int i = Arrays.binarySearch(cuts, address);
        return i >= 0 ? i : -i - 2;
    }

    /** The range split at atom borders. */
    public List<AddressRange> split(AddressRange range) {
        List<AddressRange> out = new ArrayList<>();
        long start = range.first().value();
        long end = range.last().value();
        while (start <= end) {
            int atom = atomOf(start);
            long atomEnd = atom + 1 < cuts.length ? cuts[atom + 1] - 1 : 0xFFFF_FFFFL;
            long stop = Math.min(end, atomEnd);
            out.add(new AddressRange(Ipv4Address.of(start), Ipv4Address.of(stop)));
            start = stop + 1;
        }
        return out;
    }
}
