package io.hybridctl.net;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prefix math against a reference that enumerates addresses one by one. The universe is 10.0.0.0/20 so that the
 * reference stays small while every prefix length from /20 to /32 is exercised.
 */
class PrefixPropertiesTest {

    static final long BASE = 0x0A00_0000L;
    static final int UNIVERSE_BITS = 12;

    @Provide
    Arbitrary<Prefix> prefixes() {
        return Combinators.combine(Arbitraries.longs().between(0, (1L << UNIVERSE_BITS) - 1), Arbitraries.integers().between(32 - UNIVERSE_BITS, 32))
                .as((offset, length) -> Prefix.containing(Ipv4Address.of(BASE + offset), length));
    }

    @Provide
    Arbitrary<Ipv4Address> addresses() {
        return Arbitraries.longs().between(0, (1L << UNIVERSE_BITS) - 1).map(o -> Ipv4Address.of(BASE + o));
    }

    @Provide
    Arbitrary<List<Prefix>> prefixLists() {
        return prefixes().list().ofMaxSize(6);
    }

    static BitSet reference(Prefix p) {
        BitSet bits = new BitSet();
        for (long a = p.network(); a <= p.lastValue(); a++) {
            bits.set((int) (a - BASE));
        }
        return bits;
    }

    static BitSet reference(List<Prefix> ps) {
        BitSet bits = new BitSet();
        ps.forEach(p -> bits.or(reference(p)));
        return bits;
    }

    static BitSet reference(PrefixSet set) {
        BitSet bits = new BitSet();
        for (AddressRange r : set.ranges()) {
            for (long a = r.first().value(); a <= r.last().value(); a++) {
                bits.set((int) (a - BASE));
            }
        }
        return bits;
    }

    @Property
    void containsAddressMatchesEnumeration(@ForAll("prefixes") Prefix p, @ForAll("addresses") Ipv4Address a) {
        assertThat(p.contains(a)).isEqualTo(reference(p).get((int) (a.value() - BASE)));
    }

    @Property
    void containsPrefixIsSubsetOfAddresses(@ForAll("prefixes") Prefix p, @ForAll("prefixes") Prefix q) {
        BitSet qBits = reference(q);
        BitSet copy = (BitSet) qBits.clone();
        copy.andNot(reference(p));
        assertThat(p.contains(q)).isEqualTo(copy.isEmpty());
    }

    @Property
    void overlapMeansSharedAddress(@ForAll("prefixes") Prefix p, @ForAll("prefixes") Prefix q) {
        assertThat(p.overlaps(q)).isEqualTo(reference(p).intersects(reference(q)));
        assertThat(p.overlaps(q.toRange())).isEqualTo(p.overlaps(q));
    }

    @Property
    void splittingPartitionsThePrefix(@ForAll("prefixes") Prefix p, @ForAll("prefixes") Prefix sizeSource) {
        int blockLength = Math.max(p.length(), sizeSource.length());
        List<Prefix> blocks = p.split(blockLength);
        assertThat(blocks).hasSize((int) p.blockCount(blockLength));
        BitSet union = new BitSet();
        for (Prefix b : blocks) {
            assertThat(b.length()).isEqualTo(blockLength);
            assertThat(union.intersects(reference(b))).as("blocks are disjoint").isFalse();
            union.or(reference(b));
        }
        assertThat(union).isEqualTo(reference(p));
    }

    @Property
    void setOperationsMatchReference(@ForAll("prefixLists") List<Prefix> a, @ForAll("prefixLists") List<Prefix> b) {
        PrefixSet sa = PrefixSet.ofPrefixes(a);
        PrefixSet sb = PrefixSet.ofPrefixes(b);
        BitSet ra = reference(a);
        BitSet rb = reference(b);

        BitSet union = (BitSet) ra.clone();
        union.or(rb);
        BitSet inter = (BitSet) ra.clone();
        inter.and(rb);
        BitSet diff = (BitSet) ra.clone();
        diff.andNot(rb);

        assertThat(reference(sa.union(sb))).isEqualTo(union);
        assertThat(reference(sa.intersect(sb))).isEqualTo(inter);
        assertThat(reference(sa.minus(sb))).isEqualTo(diff);
        assertThat(sa.size()).isEqualTo(ra.cardinality());
        // Results are canonical (sorted, disjoint, never adjacent), so equal sets are equal objects with equal hashes.
        for (PrefixSet result : List.of(sa.union(sb), sa.intersect(sb), sa.minus(sb))) {
            PrefixSet rebuilt = PrefixSet.ofRanges(result.ranges());
            assertThat(result).isEqualTo(rebuilt);
            assertThat(result.hashCode()).isEqualTo(rebuilt.hashCode());
            assertThat(result.runCount()).isEqualTo(rebuilt.ranges().size());
        }
        for (Prefix p : b) {
            BitSet one = reference(List.of(p));
            assertThat(sa.overlaps(p)).as("overlaps " + p).isEqualTo(one.intersects(ra));
        }
    }

    @Property
    void runsBuildTheSetOfSortedRuns(@ForAll("prefixLists") List<Prefix> a) {
        List<AddressRange> sorted = new java.util.ArrayList<>(a.stream().map(Prefix::toRange).toList());
        sorted.sort(java.util.Comparator.comparing(AddressRange::first));
        PrefixSet.Runs runs = new PrefixSet.Runs(1);
        sorted.forEach(r -> runs.addMerging(r.first().value(), r.last().value()));
        PrefixSet built = runs.toSet();
        assertThat(built).isEqualTo(PrefixSet.ofPrefixes(a));
        // Adding after toSet() never changes the set already handed out.
        List<AddressRange> before = built.ranges();
        if (!before.isEmpty()) {
            AddressRange lastRun = before.get(before.size() - 1);
            runs.addMerging(lastRun.first().value(), lastRun.last().value() + 1); // extends the last run in place
        }
        runs.addMerging(0xFFFF_FFF0L, 0xFFFF_FFFFL);
        assertThat(built.ranges()).isEqualTo(before);
    }

    @Property
    void minimalCoverIsExactAndDisjoint(@ForAll("prefixLists") List<Prefix> a) {
        PrefixSet set = PrefixSet.ofPrefixes(a);
        List<Prefix> cover = set.toPrefixes();
        assertThat(reference(cover)).isEqualTo(reference(a));
        assertThat(OverlapSweep.find(cover.stream().map(p -> OverlapSweep.Tagged.of(p, p)).toList())).isEmpty();
        // Minimal: re-merging the cover never gives fewer blocks.
        assertThat(PrefixSet.ofPrefixes(cover).toPrefixes()).hasSize(cover.size());
    }

    @Property
    void sweepFindsAnOverlapIffSomePairOverlaps(@ForAll("prefixLists") List<Prefix> a) {
        boolean anyPair = false;
        for (int i = 0; i < a.size(); i++) {
            for (int j = i + 1; j < a.size(); j++) {
                anyPair |= a.get(i).overlaps(a.get(j));
            }
        }
        var found = OverlapSweep.find(a.stream().map(p -> OverlapSweep.Tagged.of(p, p)).toList());
        assertThat(!found.isEmpty()).isEqualTo(anyPair);
        for (var o : found) {
            assertThat(o.earlier().range().overlaps(o.later().range())).isTrue();
        }
        // Every block that overlaps any other is named in at least one reported pair.
        Set<Integer> involved = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.size(); j++) {
                if (i != j && a.get(i).overlaps(a.get(j))) {
                    involved.add(i);
                }
            }
        }
        assertThat(found.size()).isGreaterThanOrEqualTo(involved.isEmpty() ? 0 : 1);
    }

    @Property
    void trieLongestMatchAgreesWithLinearScan(@ForAll("longPrefixLists") List<Prefix> routes, @ForAll("addresses") Ipv4Address a) {
        PrefixTrie<Prefix> trie = new PrefixTrie<>();
        routes.forEach(r -> trie.put(r, r));
        Prefix best = null;
        for (Prefix r : routes) {
            if (r.contains(a) && (best == null || r.length() > best.length())) {
                best = r;
            }
        }
        var match = trie.longestMatch(a);
        if (best == null) {
            assertThat(match).isEmpty();
        } else {
            assertThat(match).isPresent();
            assertThat(match.get().prefix()).isEqualTo(best);
        }
    }

    @Property
    void trieOverlappingAgreesWithLinearScan(@ForAll("longPrefixLists") List<Prefix> stored, @ForAll("prefixes") Prefix probe) {
        PrefixTrie<Prefix> trie = new PrefixTrie<>();
        stored.forEach(r -> trie.put(r, r));
        Set<Prefix> expected = new HashSet<>();
        for (Prefix s : stored) {
            if (s.overlaps(probe)) {
                expected.add(s);
            }
        }
        Set<Prefix> actual = new HashSet<>();
        trie.overlapping(probe).forEach(e -> actual.add(e.prefix()));
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Prefix>> longPrefixLists() {
        return Combinators.combine(prefixes().list().ofMaxSize(40), Arbitraries.of(true, false))
                .as((list, withDefault) -> {
                    List<Prefix> out = new java.util.ArrayList<>(list);
                    if (withDefault) {
                        out.add(0, new Prefix(0, 0));
                    }
                    return out;
                });
    }

    /** The order callers rely on (the partition of a range by longest match): ancestors shortest first, then the rest in pre-order. */
    @Property
    void trieOverlappingListsAncestorsThenSubtreeInOrder(@ForAll("longPrefixLists") List<Prefix> stored, @ForAll("prefixes") Prefix probe) {
        PrefixTrie<Prefix> trie = new PrefixTrie<>();
        stored.forEach(r -> trie.put(r, r));
        Set<Prefix> distinct = new java.util.TreeSet<>(stored);
        List<Prefix> ancestors = distinct.stream().filter(p -> p.contains(probe) && p.length() <= probe.length())
                .sorted(java.util.Comparator.comparingInt(Prefix::length)).toList();
        List<Prefix> below = distinct.stream().filter(p -> probe.contains(p) && p.length() > probe.length())
                .sorted(java.util.Comparator.comparingLong(Prefix::network).thenComparingInt(Prefix::length)).toList();
        List<Prefix> expected = new java.util.ArrayList<>(ancestors);
        expected.addAll(below);
        assertThat(trie.overlapping(probe).stream().map(PrefixTrie.Entry::prefix).toList()).isEqualTo(expected);
        assertThat(trie.size()).isEqualTo(distinct.size());
        for (Prefix p : distinct) {
            assertThat(trie.get(p)).contains(p);
        }
        assertThat(trie.get(probe).isPresent()).isEqualTo(distinct.contains(probe));
    }

    @Property
    void rangeToPrefixesIsExact(@ForAll("addresses") Ipv4Address x, @ForAll("addresses") Ipv4Address y) {
        AddressRange r = x.compareTo(y) <= 0 ? new AddressRange(x, y) : new AddressRange(y, x);
        List<Prefix> cover = r.toPrefixes();
        BitSet expected = new BitSet();
        for (long v = r.first().value(); v <= r.last().value(); v++) {
            expected.set((int) (v - BASE));
        }
        assertThat(reference(cover)).isEqualTo(expected);
    }
}
