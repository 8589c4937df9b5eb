package io.hybridctl.fleet.store;

import io.hybridctl.fleet.FleetFixture;
import io.hybridctl.fleet.TestDatabases;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.service.Fleet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coalesced heartbeat writes on both databases: what is written, when, and what is refused. */
class HeartbeatWriterTest {

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    private static final Fleet.Timing TIMING = new Fleet.Timing(Duration.ofSeconds(10), Duration.ofMinutes(2));

    @ParameterizedTest
    @MethodSource("databases")
    void beatsAreCoalescedPerHostAndWrittenOnlyByAFlush(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            Host a = f.newHost("a", "fp-a");
            Host b = f.newHost("b", "fp-b");
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofSeconds(1));
            long t0 = a.lastHeartbeat();
            writer.record(beat(a, t0 + 1000));
            writer.record(beat(a, t0 + 3000));
            writer.record(beat(a, t0 + 2000)); // late arrival of an older beat
            writer.record(beat(b, t0 + 1500));
            assertThat(writer.pendingCount()).isEqualTo(2);
            assertThat(f.stored(a.id()).lastHeartbeat()).as("nothing written before the flush").isEqualTo(t0);

            assertThat(writer.flush()).isEqualTo(2);
            assertThat(f.stored(a.id()).lastHeartbeat()).as("the newest beat wins").isEqualTo(t0 + 3000);
            assertThat(f.stored(b.id()).lastHeartbeat()).isEqualTo(t0 + 1500);
            assertThat(writer.pendingCount()).isZero();
            assertThat(writer.flush()).as("nothing left").isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchNeverMovesTheTimeBackNorTouchesFactsItDoesNotCarry(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            Host a = f.newHost("a", "fp-a");
            long t0 = a.lastHeartbeat();
            f.fleet.hosts().heartbeat(a.id(), null, Health.HEALTHY, "", null, t0 + 5000);
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofSeconds(1));
            writer.record(beat(a, t0 + 4000));
            writer.flush();
            Host stored = f.stored(a.id());
            assertThat(stored.lastHeartbeat()).isEqualTo(t0 + 5000);
            assertThat(stored.facts()).isEqualTo(a.facts());

            writer.record(new HeartbeatWriter.Beat(a.id(), "fp-a", Health.HEALTHY, t0 + 6000, FleetFixture.facts("a-renamed", 16), "mi-0123456789abcdef0"));
            writer.flush();
            stored = f.stored(a.id());
            assertThat(stored.facts().cpus()).isEqualTo(16);
            assertThat(stored.hostname()).isEqualTo("a-renamed");
            assertThat(stored.ssmInstanceId()).isEqualTo("mi-0123456789abcdef0");
            assertThat(f.fleet.hosts().cached(a.id()).orElseThrow().facts().cpus()).as("the cache drops the old facts").isEqualTo(16);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBeatForAnOldKeyOrAnOutdatedHealthIsNotWritten(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            Host a = f.newHost("a", "fp-old");
            Host b = f.newHost("b", "fp-b");
            long t0 = a.lastHeartbeat();
            f.fleet.hosts().reRegister(a.id(), a.facts(), "fp-new", t0);
            f.fleet.hosts().setHealth(b.id(), Health.UNREACHABLE, "no heartbeat for 31 s");
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofSeconds(1));
            writer.record(beat(a, t0 + 1000));
            writer.record(beat(b, t0 + 1000));

            assertThat(writer.flush()).isZero();
            assertThat(f.stored(a.id()).lastHeartbeat()).as("re-keyed host").isEqualTo(t0);
            assertThat(f.stored(b.id()).lastHeartbeat()).as("host judged meanwhile").isEqualTo(t0);
            assertThat(f.stored(b.id()).health()).isEqualTo(Health.UNREACHABLE);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void closingWritesWhatIsPendingSoARestartSeesIt(String db, @TempDir Path tmp) {
        String url = TestDatabases.urlFor(db);
        String id;
        long at;
        try (FleetFixture f = FleetFixture.open(Database.open(url, tmp, 2), TIMING)) {
            Host a = f.newHost("a", "fp-a");
            id = a.id();
            at = a.lastHeartbeat() + 7000;
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofHours(1));
            writer.start();
            writer.record(beat(a, at));
            writer.close();
        }
        try (FleetFixture again = FleetFixture.open(Database.open(url, tmp, 2), TIMING)) {
            assertThat(again.stored(id).lastHeartbeat()).isEqualTo(at);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedFlushKeepsTheBeatsForTheNextOne(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            Host a = f.newHost("a", "fp-a");
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofSeconds(1));
            writer.record(beat(a, a.lastHeartbeat() + 1000));
            f.db.close();
            assertThatThrownBy(writer::flush).isInstanceOf(StoreException.class);
            assertThat(writer.pendingCount()).isEqualTo(1);
            assertThat(writer.writtenCount()).isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void theFlushIntervalIsATenthOfTheHeartbeatWithinBounds() {
        assertThat(HeartbeatWriter.intervalFor(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(HeartbeatWriter.intervalFor(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
        assertThat(HeartbeatWriter.intervalFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(200));
        assertThat(HeartbeatWriter.intervalFor(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(100));
    }

    private static HeartbeatWriter.Beat beat(Host h, long at) {
        return new HeartbeatWriter.Beat(h.id(), h.keyFingerprint(), Health.HEALTHY, at, null, null);
    }
}
