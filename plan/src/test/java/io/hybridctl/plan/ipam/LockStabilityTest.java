package io.hybridctl.plan.ipam;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.plan.TestSpecs;
import io.hybridctl.plan.TestSpecs.SiteShape;
import io.hybridctl.spec.model.HybridCluster;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random edit sequences (add a host, remove one, reorder a site) replayed through plan's allocator with the lock
 * carried from run to run: no host that keeps existing ever changes block, and no two blocks overlap.
 */
class LockStabilityTest {

    private static final List<String> NODE = List.of("10.80.0.0/24", "10.80.1.0/24");
    private static final List<List<String>> PODS = List.of(List.of("10.85.0.0/22"), List.of("10.86.0.0/23", "10.86.4.0/24"));
    private static final List<Long> CAPACITY = PODS.stream()
            .map(nets -> nets.stream().mapToLong(n -> TestSpecs.p(n).blockCount(26)).sum())
            .toList();

    sealed interface Edit permits Add, Remove, Shuffle {
    }

    record Add(int site) implements Edit {
    }

    record Remove(int site, int pick) implements Edit {
    }

    record Shuffle(int site, long seed) implements Edit {
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Integer> site = Arbitraries.integers().between(0, 1);
        return Arbitraries.oneOf(
                site.map(Add::new),
                Combinators.combine(site, Arbitraries.integers().between(0, 100)).as(Remove::new),
                Combinators.combine(site, Arbitraries.longs()).as(Shuffle::new));
    }

    @Property(tries = 200)
    void noExistingBlockEverMovesAndNoBlocksOverlap(@ForAll @Size(max = 60) List<@net.jqwik.api.From("edits") Edit> edits) {
        List<List<String>> hosts = List.of(new ArrayList<>(), new ArrayList<>());
        int[] next = {0};
        LockFile lock = LockFile.empty("test");
        Map<String, Prefix> previous = new HashMap<>();
        for (Edit e : edits) {
            switch (e) {
                case Add a -> {
                    // stay within the site's capacity in /26 blocks (16 in a, 12 in b)
                    if (hosts.get(a.site()).size() < CAPACITY.get(a.site())) {
                        hosts.get(a.site()).add("h" + next[0]++);
                    }
                }
                case Remove r -> {
                    List<String> s = hosts.get(r.site());
                    if (!s.isEmpty()) {
                        s.remove(r.pick() % s.size());
                    }
                }
                case Shuffle sh -> Collections.shuffle(hosts.get(sh.site()), new Random(sh.seed()));
            }
            HybridCluster spec = TestSpecs.spec(26, List.of(
                    new SiteShape("a", NODE.get(0), PODS.get(0), hosts.get(0)),
                    new SiteShape("b", NODE.get(1), PODS.get(1), hosts.get(1))));
            AllocationResult result = new PodBlockAllocator().allocate(spec, lock);
            assertThat(result).isInstanceOf(AllocationResult.Allocated.class);
            Allocations now = ((AllocationResult.Allocated) result).allocations();
            Set<Long> seen = new HashSet<>();
            Map<String, Prefix> current = new HashMap<>();
            for (PodBlock b : now.all()) {
                Prefix before = previous.get(b.host());
                if (before != null) {
                    assertThat(b.block()).as("block of %s after %s", b.host(), e).isEqualTo(before);
                }
                assertThat(seen.add(b.block().network())).as("%s is given twice", b.block()).isTrue();
                int site = b.site().equals("a") ? 0 : 1;
                assertThat(PrefixSet.ofPrefixes(PODS.get(site).stream().map(TestSpecs::p).toList()).contains(b.block()))
                        .as("%s inside site %s", b.block(), b.site()).isTrue();
                current.put(b.host(), b.block());
            }
            assertThat(current.keySet()).containsExactlyInAnyOrderElementsOf(
                    hosts.stream().flatMap(List::stream).toList());
            previous = current;
            lock = now.toLockFile();
        }
    }
}
