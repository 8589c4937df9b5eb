package io.hybridctl.fleet.store;

import io.hybridctl.fleet.FleetFixture;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostState;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HostCacheTest {

    private final HostCache cache = new HostCache();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void loadsOnceThenAnswersFromMemoryUntilEvicted() {
        Host v1 = host("fp-1");
        assertThat(cache.get("h", () -> load(v1))).contains(v1);
        assertThat(cache.get("h", () -> load(host("fp-2")))).contains(v1);
        assertThat(loads).hasValue(1);

        cache.evict("h");
        Host v2 = host("fp-2");
        assertThat(cache.get("h", () -> load(v2))).contains(v2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aRowLoadedWhileAWriteCommittedIsNotKept() {
        Host before = host("fp-old");
        // The load reads the old row; the write commits and evicts before the load puts it.
        Optional<Host> raced = cache.get("h", () -> {
            cache.evict("h");
            return load(before);
        });
        assertThat(raced).contains(before);
        Host after = host("fp-new");
        assertThat(cache.get("h", () -> load(after))).as("the next read goes to the database").contains(after);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anUnknownHostIsNotRemembered() {
        assertThat(cache.get("nope", Optional::empty)).isEmpty();
        Host late = host("fp");
        assertThat(cache.get("nope", () -> load(late))).contains(late);
    }

    private Optional<Host> load(Host h) {
        loads.incrementAndGet();
        return Optional.of(h);
    }

    private static Host host(String fingerprint) {
        return new Host("h", "m", "h", null, HostState.REGISTERED, Health.HEALTHY, "", fingerprint,
                FleetFixture.facts("h", 2), null, null, 0, 0, false);
    }
}
