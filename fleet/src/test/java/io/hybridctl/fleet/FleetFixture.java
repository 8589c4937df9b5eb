package io.hybridctl.fleet;

import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.api.ApiJson;
import io.hybridctl.fleet.service.EventHub;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.store.Database;
import io.hybridctl.fleet.store.EventStore;
import io.hybridctl.fleet.store.HostStore;
import io.hybridctl.fleet.store.InventoryStore;
import io.hybridctl.fleet.store.Jdbc;
import io.hybridctl.fleet.store.OperationStore;
import io.hybridctl.fleet.store.TokenStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The fleet's stores on a real database (H2 or PostgreSQL), without the HTTP server, and a clock the test moves. */
public final class FleetFixture implements AutoCloseable {

    /** A clock that stands still until the test moves it. */
    public static final class ManualClock extends Clock {
        private final AtomicLong millis;

        public ManualClock(long start) {
            this.millis = new AtomicLong(start);
        }

        public void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    public final Database db;
    public final Fleet fleet;
    public final ManualClock clock;

    private FleetFixture(Database db, Fleet fleet, ManualClock clock) {
        this.db = db;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** @param kind "h2" or "postgresql" (a fresh schema) */
    public static FleetFixture open(String kind, Path dataDir, Fleet.Timing timing) {
        return open(Database.open(TestDatabases.urlFor(kind), dataDir, 4), timing);
    }

    public static FleetFixture open(Database db, Fleet.Timing timing) {
        Jdbc jdbc = new Jdbc(db.dataSource(), db.postgres());
        ManualClock clock = new ManualClock(1_800_000_000_000L);
        EventStore events = new EventStore(jdbc);
        Fleet fleet = new Fleet(jdbc, new TokenStore(jdbc), new InventoryStore(jdbc, ApiJson.mapper()), new HostStore(jdbc, ApiJson.mapper()),
                new OperationStore(jdbc), events, new EventHub(events, clock), clock, timing);
        return new FleetFixture(db, fleet, clock);
    }

    public Host newHost(String name, String keyFingerprint) {
        return fleet.hosts().create(facts(name, 4), null, keyFingerprint, fleet.now());
    }

    public static HostFacts facts(String name, int cpus) {
        return new HostFacts(name, "machine-" + name, "ubuntu", "22.04", "6.8.0", "amd64", cpus, 8L << 30, List.of(), List.of());
    }

    /** The row as stored, never from the cache. */
    public Host stored(String id) {
        return fleet.hosts().byId(id).orElseThrow();
    }

    @Override
    public void close() {
        db.close();
    }
}
