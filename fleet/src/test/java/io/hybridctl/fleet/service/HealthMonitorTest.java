package io.hybridctl.fleet.service;

import io.hybridctl.fleet.FleetFixture;
import io.hybridctl.fleet.TestDatabases;
import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.store.HeartbeatWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The heartbeat path on both databases: steady heartbeats are queued and batched, changes are written at once and
 * evented once, and the silence sweep sees queued heartbeats.
 */
class HealthMonitorTest {

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    private static final Fleet.Timing TIMING = new Fleet.Timing(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final List<Requests.Check> OK = List.of(new Requests.Check("disk", true, "9000 MiB free"));

    @ParameterizedTest
    @MethodSource("databases")
    void aSteadyHeartbeatIsQueuedAndWrittenByTheNextFlush(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofMillis(100));
            HealthMonitor health = new HealthMonitor(f.fleet, new NodeStatusBoard(), writer);
            Host h = f.newHost("edge-1", "fp");
            long t0 = h.lastHeartbeat();
            f.clock.advance(Duration.ofMillis(900));
            health.heartbeat(agentView(f, h), new Requests.Heartbeat(h.facts(), OK, null));
            assertThat(f.stored(h.id()).lastHeartbeat()).isEqualTo(t0);
            assertThat(writer.pendingCount()).isEqualTo(1);
            writer.flush();
            assertThat(f.stored(h.id()).lastHeartbeat()).isEqualTo(t0 + 900);
            assertThat(healthEvents(f, h)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void factsAreWrittenOnlyWhenTheyChanged(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofMillis(100));
            HealthMonitor health = new HealthMonitor(f.fleet, new NodeStatusBoard(), writer);
            Host h = f.newHost("edge-1", "fp");
            Host seen = agentView(f, h);
            // A marker written behind the cache's back: an unchanged-facts heartbeat must leave it alone.
            f.fleet.jdbc().update("update host set facts = ? where id = ?",
                    "{\"hostname\":\"marker\",\"machineId\":\"machine-edge-1\",\"cpus\":1,\"memoryBytes\":1}", h.id());
            health.heartbeat(seen, new Requests.Heartbeat(h.facts(), OK, null));
            writer.flush();
            assertThat(f.stored(h.id()).facts().hostname()).as("same facts: not written").isEqualTo("marker");

            HostFacts grown = FleetFixture.facts("edge-1", 16);
            health.heartbeat(agentView(f, h), new Requests.Heartbeat(grown, OK, null));
            writer.flush();
            assertThat(f.stored(h.id()).facts()).isEqualTo(grown);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHealthChangeIsWrittenAtOnceAndEventedOnce(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofMillis(100));
            HealthMonitor health = new HealthMonitor(f.fleet, new NodeStatusBoard(), writer);
            Host h = f.newHost("edge-1", "fp");
            List<Requests.Check> failing = List.of(new Requests.Check("kubelet", false, "inactive"));
            for (int i = 0; i < 3; i++) {
                f.clock.advance(Duration.ofSeconds(1));
                health.heartbeat(agentView(f, h), new Requests.Heartbeat(h.facts(), failing, null));
                Host stored = f.stored(h.id());
                assertThat(stored.health()).as("written without waiting for a flush").isEqualTo(Health.DEGRADED);
                assertThat(stored.healthDetail()).isEqualTo("kubelet: inactive");
            }
            assertThat(healthEvents(f, h)).extracting(FleetEvent::message).containsExactly("edge-1 is DEGRADED (kubelet: inactive)");

            health.heartbeat(agentView(f, h), new Requests.Heartbeat(h.facts(), OK, null));
            assertThat(f.stored(h.id()).health()).isEqualTo(Health.HEALTHY);
            assertThat(healthEvents(f, h)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSweepWritesQueuedHeartbeatsBeforeJudgingSilence(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofMillis(100));
            HealthMonitor health = new HealthMonitor(f.fleet, new NodeStatusBoard(), writer);
            Host beating = f.newHost("beating", "fp-1");
            Host silent = f.newHost("silent", "fp-2");
            f.clock.advance(Duration.ofMillis(2500));
            health.heartbeat(agentView(f, beating), new Requests.Heartbeat(beating.facts(), OK, null));
            f.clock.advance(Duration.ofMillis(1000)); // 3.5 s after registration: three heartbeats of 1 s missed

            assertThat(health.sweep()).isEqualTo(1);
            assertThat(f.stored(beating.id()).health()).isEqualTo(Health.HEALTHY);
            assertThat(f.stored(silent.id()).health()).isEqualTo(Health.UNREACHABLE);
            assertThat(healthEvents(f, silent)).extracting(FleetEvent::message).containsExactly("silent is UNREACHABLE (heartbeats missed)");

            health.heartbeat(agentView(f, silent), new Requests.Heartbeat(silent.facts(), OK, null));
            assertThat(f.stored(silent.id()).health()).as("back at once").isEqualTo(Health.HEALTHY);
            assertThat(healthEvents(f, silent)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangeMadeByAnotherReplicaIsNoticedAtTheNextFlush(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofMillis(100));
            HealthMonitor health = new HealthMonitor(f.fleet, new NodeStatusBoard(), writer);
            Host h = f.newHost("edge-1", "fp");
            agentView(f, h);
            // Another replica (the leader) marks the host unreachable: this replica's cache still says HEALTHY.
            f.fleet.jdbc().update("update host set health = 'UNREACHABLE', health_detail = 'no heartbeat for 4 s' where id = ?", h.id());
            f.clock.advance(Duration.ofSeconds(1));
            health.heartbeat(agentView(f, h), new Requests.Heartbeat(h.facts(), OK, null));
            assertThat(writer.flush()).as("the batch refuses a row that changed under it").isZero();

            f.clock.advance(Duration.ofSeconds(1));
            health.heartbeat(agentView(f, h), new Requests.Heartbeat(h.facts(), OK, null));
            Host stored = f.stored(h.id());
            assertThat(stored.health()).isEqualTo(Health.HEALTHY);
            assertThat(stored.lastHeartbeat()).isEqualTo(f.fleet.now());
            assertThat(healthEvents(f, h)).extracting(FleetEvent::message).containsExactly("edge-1 is HEALTHY");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHealthChangeUnderAKeyReplacedElsewhereIsRefused(String db, @TempDir Path tmp) {
        try (FleetFixture f = FleetFixture.open(db, tmp, TIMING)) {
            HeartbeatWriter writer = new HeartbeatWriter(f.fleet.hosts(), Duration.ofMillis(100));
            HealthMonitor health = new HealthMonitor(f.fleet, new NodeStatusBoard(), writer);
            Host h = f.newHost("edge-1", "fp-old");
            Host seen = agentView(f, h);
            // Another replica took a re-registration with a new key; this replica's cache still has the old one.
            f.fleet.jdbc().update("update host set key_fingerprint = 'fp-new' where id = ?", h.id());
            List<Requests.Check> failing = List.of(new Requests.Check("kubelet", false, "inactive"));
            assertThatThrownBy(() -> health.heartbeat(seen, new Requests.Heartbeat(h.facts(), failing, null)))
                    .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.kind()).isEqualTo(FleetException.Kind.UNAUTHENTICATED));
            assertThat(f.stored(h.id()).health()).isEqualTo(Health.HEALTHY);
            assertThat(healthEvents(f, h)).isEmpty();
            assertThat(agentView(f, h).keyFingerprint()).as("evicted, so reloaded").isEqualTo("fp-new");
        }
    }

    /** What the authenticator hands the heartbeat route. */
    private static Host agentView(FleetFixture f, Host h) {
        return f.fleet.hosts().cached(h.id()).orElseThrow();
    }

    private static List<FleetEvent> healthEvents(FleetFixture f, Host h) {
        return f.fleet.events().forHost(h.id(), 100).stream().filter(e -> e.kind().equals("host.health")).toList();
    }
}
