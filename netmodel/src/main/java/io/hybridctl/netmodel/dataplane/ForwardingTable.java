package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.PrefixTrie;


import java.util.List;
import java.util.Optional;

/** One node's FIB: a longest-prefix-match trie of resolved routes. */
public final class ForwardingTable {

    private final PrefixTrie<FibEntry> trie;
    private final List<FibEntry> entries;
    // Built on first use; a race between two analyser threads builds it twice, which is harmless because
    // RegionIndex is immutable with final fields (safely published without locking).
    private RegionIndex<FibEntry> index;

    ForwardingTable(PrefixTrie<FibEntry> trie, List<FibEntry> entries) {
        this.trie = trie;
        this.entries = List.copyOf(entries);
    }

    public Optional<FibEntry> lookup(Ipv4Address address) {
        return trie.longestMatch(address).map(PrefixTrie.Entry::value);
    }

    /** The runs of [first, last] that share a longest match (value null where no route matches). */
    public List<Piece<FibEntry>> partition(long first, long last) {
        return TriePartition.of(trie, first, last);
    }

    /** The longest-match table as sorted runs over the address space, for cutting large sets; computed once. */
    public RegionIndex<FibEntry> index() {
        RegionIndex<FibEntry> i = index;
        if (i == null) {
            i = new RegionIndex<>(TriePartition.of(trie, 0, 0xFFFF_FFFFL));
            index = i;
        }
        return i;
    }

    public List<FibEntry> entries() {
        return entries;
    }
}
