package io.hybridctl.fleet.server;

import io.hybridctl.fleet.kube.NodeView;
import io.hybridctl.fleet.security.Redactor;
import io.hybridctl.fleet.service.EventHub;
import io.hybridctl.fleet.service.HealthMonitor;
import io.hybridctl.fleet.service.Operations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's background work: the leader's sweep (silent hosts, expired operation leases), the Node view's resync,
 * and on PostgreSQL the relay of other replicas' events to this replica's streams.
 */
final class Sweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fleet-sweeper").daemon().factory());
    private final Redactor redactor = Redactor.patternsOnly();

    Sweeper(Duration heartbeat, LeaderLock leader, HealthMonitor health, Operations operations, NodeView nodeView,
            EventHub hub, boolean relayEvents) {
        long period = Math.max(1, Math.min(5, heartbeat.toSeconds()));
        executor.scheduleWithFixedDelay(() -> guarded("sweep", () -> {
            if (nodeView != null) {
                // Hosts learn their SSM mi- id only after bootstrap; re-map Nodes seen before that.
                nodeView.resync();
            }
            if (leader.isLeader()) {
                health.sweep();
                operations.reapExpired();
            }
        }), period, period, TimeUnit.SECONDS);
        if (relayEvents) {
            // Other replicas may share the database: relay their events to this replica's live streams.
            hub.relay();
            executor.scheduleWithFixedDelay(() -> guarded("event relay", hub::relay), 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, redactor.redact(String.valueOf(e)));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
