package io.hybridctl.plan.design;

import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hybridctl.plan.TestSpecs.SiteShape;
import static io.hybridctl.plan.TestSpecs.spec;
import static org.assertj.core.api.Assertions.assertThat;

class DesignerTest {

    /** Two hosts pinned to the same block: strict refuses, lenient drops them and keeps the rest of the design. */
    private final HybridCluster clash = spec(26, List.of(new SiteShape("east", "192.168.1.0/24", List.of("10.200.0.0/24"),
            List.of("e1", "e2", "e3"), Map.of("e1", "10.200.0.0/26", "e2", "10.200.0.0/26"))));

    @Test
    void strictRefusesWhatLenientWorksAround() {
        assertThat(Designer.derive(clash, LockFile.empty("test"))).isInstanceOf(DesignResult.Refused.class);
        Design lenient = Designer.deriveLenient(clash, Optional.empty());
        assertThat(lenient.spec().hosts().map(h -> h.name()).toList()).doesNotContain("e2").contains("e3");
        assertThat(lenient.allocations().find("e3")).isPresent();
        assertThat(lenient.intent().allocations()).isSameAs(lenient.allocations());
        assertThat(lenient.notes()).anyMatch(n -> n.startsWith("pod block allocation: ")).anyMatch(n -> n.startsWith("hosts without a pod block are left out"));
    }

    @Test
    void anUnreadableLockIsANoteInLenientMode(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("hybridctl.lock");
        Files.writeString(lock, "{ not a lock");
        HybridCluster ok = spec(26, List.of(new SiteShape("east", "192.168.1.0/24", List.of("10.200.0.0/24"), List.of("e1"))));
        Design d = Designer.deriveLenient(ok, Optional.of(lock));
        assertThat(d.notes()).singleElement().asString().startsWith("hybridctl.lock cannot be read (").endsWith("pod blocks are allocated afresh");
        assertThat(d.allocations().size()).isEqualTo(1);
    }

    @Test
    void aValidDesignNeedsNoNotesAndCarriesItsRouteTables() {
        HybridCluster ok = spec(26, List.of(new SiteShape("east", "192.168.1.0/24", List.of("10.200.0.0/24"), List.of("e1"))));
        Design d = ((DesignResult.Derived) Designer.derive(ok, LockFile.empty("test"))).design();
        assertThat(d.notes()).isEmpty();
        assertThat(d.intent().routeTables()).containsExactly("PrivateRouteTableUSWEST2A", "PrivateRouteTableUSWEST2B");
        assertThat(Designer.deriveLenient(ok, Optional.empty()).allocations().all()).isEqualTo(d.allocations().all());
    }
}
