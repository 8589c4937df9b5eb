package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.net.PrefixTrie;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting a set by the flattened table must give every address the trie's own longest match, exactly once. */
class RegionIndexTest {

    private static final long BASE = 0x0A00_0000L; // 10.0.0.0/24 holds every generated prefix

    @Property(tries = 500)
    void everyAddressLandsInThePartOfItsLongestMatch(@ForAll("prefixLists") List<Prefix> routes, @ForAll("prefixLists") List<Prefix> wanted,
                                                      @ForAll boolean withDefault) {
        PrefixTrie<String> trie = new PrefixTrie<>();
        if (withDefault) {
            trie.put(new Prefix(0, 0), "default");
        }
        routes.forEach(p -> trie.put(p, "route " + p));
        PrefixSet set = PrefixSet.ofPrefixes(wanted);
        RegionIndex<String> index = new RegionIndex<>(TriePartition.of(trie, 0, 0xFFFF_FFFFL));

        List<RegionIndex.Part<String>> parts = index.split(set);

        PrefixSet covered = PrefixSet.empty();
        List<String> seen = new ArrayList<>();
        for (RegionIndex.Part<String> part : parts) {
            assertThat(seen).as("one part per value").doesNotContain(part.value());
            seen.add(part.value());
            assertThat(part.set().isEmpty()).isFalse();
            assertThat(covered.intersect(part.set()).isEmpty()).as("parts are disjoint").isTrue();
            covered = covered.union(part.set());
            for (var range : part.set().ranges()) {
                for (long a = range.first().value(); a <= range.last().value(); a++) {
                    String expected = trie.longestMatch(Ipv4Address.of(a)).map(PrefixTrie.Entry::value).orElse(null);
                    assertThat(part.value()).as("value of %s", Ipv4Address.of(a)).isEqualTo(expected);
                }
            }
        }
        assertThat(covered).as("parts cover the set exactly").isEqualTo(set);
    }

    @Property(tries = 200)
    void anEmptyTableLeavesEverythingUncovered(@ForAll("prefixLists") List<Prefix> wanted) {
        PrefixSet set = PrefixSet.ofPrefixes(wanted);
        List<RegionIndex.Part<String>> parts = new RegionIndex<String>(List.of()).split(set);
        if (set.isEmpty()) {
            assertThat(parts).isEmpty();
        } else {
            assertThat(parts).containsExactly(new RegionIndex.Part<>(null, set));
        }
    }

    @Provide
    Arbitrary<List<Prefix>> prefixLists() {
        Arbitrary<Prefix> prefixes = Arbitraries.integers().between(0, 255).flatMap(offset ->
                Arbitraries.integers().between(24, 32).map(len -> Prefix.containing(Ipv4Address.of(BASE + offset), len)));
        return prefixes.list().ofMaxSize(8);
    }
}
