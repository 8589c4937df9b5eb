package io.hybridctl.fleet.store;

import io.hybridctl.fleet.model.Health;
import io.hybridctl.fleet.model.HostFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heartbeats that change nothing but the time (and maybe facts): kept in memory, newest per host, and written by one
 * thread in one batch per interval instead of one transaction per heartbeat. A crash loses at most one interval of
 * heartbeat times, which only makes hosts look that much staler; health changes never come through here (they are
 * written at once, with their event). See docs/fleet.md, "Heartbeat writes".
 */
public final class HeartbeatWriter implements AutoCloseable {

    /**
     * @param keyFingerprint the key the heartbeat was authenticated with; the write is skipped if the host has another
     * @param health         the health the replica believed the host to have; the write is skipped if that changed
     * @param facts          null when unchanged
     * @param ssmInstanceId  null when unchanged
     */
    public record Beat(String hostId, String keyFingerprint, Health health, long at, HostFacts facts, String ssmInstanceId) {

        /** The newer beat's time and health, and whatever it leaves null taken from the older one. */
        static Beat merge(Beat a, Beat b) {
            Beat late = b.at() >= a.at() ? b : a;
            Beat early = late == b ? a : b;
            return new Beat(late.hostId(), late.keyFingerprint(), late.health(), late.at(),
                    late.facts() != null ? late.facts() : early.facts(),
                    late.ssmInstanceId() != null ? late.ssmInstanceId() : early.ssmInstanceId());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWriter.class);

    private final HostStore hosts;
    private final Duration interval;
    private final ConcurrentHashMap<String, Beat> pending = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private ScheduledExecutorService timer;

    public HeartbeatWriter(HostStore hosts, Duration interval) {
        this.hosts = hosts;
        this.interval = interval;
    }

    /** The flush interval for a heartbeat period: a tenth of it, between 100 ms and 1 s. */
    public static Duration intervalFor(Duration heartbeat) {
        long ms = Math.max(100, Math.min(1000, heartbeat.toMillis() / 10));
        return Duration.ofMillis(ms);
    }

    public Duration interval() {
        return interval;
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fleet-heartbeat-writer").daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.warn("heartbeat flush failed, {} hosts kept for the next attempt: {}", pending.size(), e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void record(Beat beat) {
        pending.merge(beat.hostId(), beat, Beat::merge);
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Heartbeats written so far (rows updated), for /metrics. */
    public long writtenCount() {
        return written.get();
    }

    public long flushCount() {
        return flushes.get();
    }

    /**
     * Writes everything pending now. Synchronized so the sweep can flush before it judges silence, and so batches never
     * overlap. On failure the batch goes back (merged with anything newer) and the error propagates.
     *
     * @return the number of heartbeats written
     */
    public synchronized int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Beat> batch = new ArrayList<>(pending.size());
        for (String id : pending.keySet()) {
            Beat b = pending.remove(id);
            if (b != null) {
                batch.add(b);
            }
        }
        // Rows locked in one order by every replica, so two replicas' batches cannot deadlock.
        batch.sort(Comparator.comparing(Beat::hostId));
        List<String> stale;
        try {
            stale = hosts.writeHeartbeats(batch);
        } catch (RuntimeException e) {
            for (Beat b : batch) {
                pending.merge(b.hostId(), b, Beat::merge);
            }
            throw e;
        }
        flushes.incrementAndGet();
        int n = batch.size() - stale.size();
        written.addAndGet(n);
        return n;
    }

    /** Stops the timer and writes what is left, so a graceful shutdown loses no heartbeat. */
    @Override
    public void close() {
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("final heartbeat flush failed: {}", e.toString());
        }
    }
}
