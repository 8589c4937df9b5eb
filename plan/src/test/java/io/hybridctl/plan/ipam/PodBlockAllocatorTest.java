package io.hybridctl.plan.ipam;

import io.hybridctl.plan.TestSpecs;
import io.hybridctl.plan.TestSpecs.SiteShape;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hybridctl.plan.TestSpecs.p;
import static org.assertj.core.api.Assertions.assertThat;

class PodBlockAllocatorTest {

    private final PodBlockAllocator allocator = new PodBlockAllocator();

    private static Allocations allocated(AllocationResult r) {
        assertThat(r).isInstanceOf(AllocationResult.Allocated.class);
        return ((AllocationResult.Allocated) r).allocations();
    }

    private static List<IpamProblem> refused(AllocationResult r) {
        assertThat(r).isInstanceOf(AllocationResult.Refused.class);
        return ((AllocationResult.Refused) r).problems();
    }

    @Test
    void newHostsTakeTheFirstFreeBlocksOfTheirSiteInSpecOrder() {
        HybridCluster spec = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("node-01", "node-02"))));
        Allocations a = allocated(allocator.allocate(spec, LockFile.empty("test")));
        assertThat(a.find("node-01").orElseThrow().block()).isEqualTo(p("192.168.32.0/26"));
        assertThat(a.find("node-02").orElseThrow().block()).isEqualTo(p("192.168.32.64/26"));
        assertThat(a.find("node-02").orElseThrow().origin()).isEqualTo(PodBlock.Origin.NEW);
    }

    @Test
    void pinnedBlocksAreHonouredAndSkippedByNewHosts() {
        HybridCluster spec = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"),
                List.of("a", "b"), Map.of("b", "192.168.32.0/26"))));
        Allocations a = allocated(allocator.allocate(spec, LockFile.empty("test")));
        assertThat(a.find("b").orElseThrow()).isEqualTo(new PodBlock("b", "lab", p("192.168.32.0/26"), PodBlock.Origin.PINNED));
        assertThat(a.find("a").orElseThrow().block()).isEqualTo(p("192.168.32.64/26"));
    }

    @Test
    void lockedBlocksStayWhenHostsAreRemovedAndReordered() {
        HybridCluster first = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a", "b", "c"))));
        LockFile lock = allocated(allocator.allocate(first, LockFile.empty("test"))).toLockFile();
        HybridCluster edited = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("d", "c", "a"))));
        Allocations a = allocated(allocator.allocate(edited, lock));
        assertThat(a.find("a").orElseThrow().block()).isEqualTo(p("192.168.32.0/26"));
        assertThat(a.find("c").orElseThrow().block()).isEqualTo(p("192.168.32.128/26"));
        assertThat(a.find("c").orElseThrow().origin()).isEqualTo(PodBlock.Origin.LOCKED);
        // b's block is free again and goes to the new host
        assertThat(a.find("d").orElseThrow().block()).isEqualTo(p("192.168.32.64/26"));
        assertThat(a.toLockFile().allocations()).extracting(LockEntry::host).containsExactly("a", "d", "c");
    }

    @Test
    void aLockedBlockOutsideTheEditedPodNetworksIsRefusedWithARemedy() {
        HybridCluster first = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a", "b"))));
        LockFile lock = allocated(allocator.allocate(first, LockFile.empty("test"))).toLockFile();
        HybridCluster shrunk = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.34.0/23"), List.of("a", "b"))));
        List<IpamProblem> problems = refused(allocator.allocate(shrunk, lock));
        assertThat(problems).hasSize(2).allSatisfy(pr -> {
            assertThat(pr.code()).isEqualTo(IpamProblem.LOCKED_BLOCK_LOST);
            assertThat(pr.path()).isEqualTo("spec.sites[0].podNetworks");
            assertThat(pr.remediation()).contains("hybridctl.lock").contains("drain");
        });
        assertThat(problems.get(0).message()).contains("192.168.32.0/26").contains("host a");
    }

    @Test
    void aChangedBlockSizeIsRefusedRatherThanRenumberingEveryNode() {
        HybridCluster first = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a"))));
        LockFile lock = allocated(allocator.allocate(first, LockFile.empty("test"))).toLockFile();
        HybridCluster resized = TestSpecs.spec(25, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a"))));
        List<IpamProblem> problems = refused(allocator.allocate(resized, lock));
        assertThat(problems).singleElement().satisfies(pr -> {
            assertThat(pr.path()).isEqualTo("spec.cni.nodeBlockSize");
            assertThat(pr.remediation()).contains("set nodeBlockSize back to 26");
        });
    }

    @Test
    void aPinOnAnotherHostsLockedBlockIsRefused() {
        HybridCluster first = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a", "b"))));
        LockFile lock = allocated(allocator.allocate(first, LockFile.empty("test"))).toLockFile();
        HybridCluster pinned = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"),
                List.of("a", "b"), Map.of("b", "192.168.32.0/26"))));
        assertThat(refused(allocator.allocate(pinned, lock))).singleElement()
                .satisfies(pr -> assertThat(pr.code()).isEqualTo(IpamProblem.BLOCK_CLAIMED_TWICE));
    }

    @Test
    void theLockRoundTripsThroughItsFileFormatAndKeepsOtherClusters() throws Exception {
        HybridCluster spec = TestSpecs.spec(26, List.of(new SiteShape("lab", "192.168.200.0/24", List.of("192.168.32.0/23"), List.of("a", "b"))));
        LockFile lock = allocated(allocator.allocate(spec, LockFile.empty("test"))).toLockFile();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lock");
        java.nio.file.Path file = dir.resolve(LockFile.FILE_NAME);
        LockFileCodec.store(file, new LockFile("other", java.util.Optional.of(24), List.of(new LockEntry("x", "s", p("10.0.0.0/24")))));
        assertThat(LockFileCodec.store(file, lock)).isTrue();
        assertThat(LockFileCodec.store(file, lock)).as("unchanged content is not rewritten").isFalse();
        assertThat(LockFileCodec.read(file, "test")).isEqualTo(lock);
        assertThat(LockFileCodec.read(file, "other").allocations()).hasSize(1);
        java.nio.file.Files.writeString(file, "kind: PodBlockLock\nclusters:\n  test:\n    allocations:\n    - {host: a, site: lab, block: 10.0.0.1/24}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LockFileCodec.read(file, "test"))
                .isInstanceOf(LockFileException.class).hasMessageContaining("host bits");
    }
}
