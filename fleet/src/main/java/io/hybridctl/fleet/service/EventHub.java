package io.hybridctl.fleet.service;

import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.store.EventStore;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stores every event, then fans it out to live subscribers (SSE streams). With several replicas on one database the
 * store is the source of truth: {@link #relay} tails it and delivers what other replicas stored, so a UI connected to
 * any replica sees every event, each once (see docs/fleet.md).
 */
public final class EventHub {

    public record Subscription(String poolId, Consumer<FleetEvent> sink) {
    }

    private final EventStore store;
    private final Clock clock;
    private final CopyOnWriteArrayList<Subscription> subscribers = new CopyOnWriteArrayList<>();

    public EventHub(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Ids below the relay's watermark are read again for a while: an id taken before another replica's commit may
     * become visible after higher ones. Delivered ids are remembered so that nothing goes out twice.
     */
    private static final long LATE_COMMIT_WINDOW = 256;
    private static final int REMEMBERED = 16_384;

    private final Set<Long> delivered = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private long watermark = -1;

    public FleetEvent record(String poolId, String hostId, String kind, String message) {
        FleetEvent e = store.append(poolId, hostId, kind, message, clock.millis());
        boolean fresh;
        synchronized (delivered) {
            // The relay may have read the row between the insert and here; whoever marks it first delivers it.
            fresh = delivered.add(e.id());
        }
        if (fresh) {
            publish(e);
        }
        return e;
    }

    /**
     * Delivers the events other replicas stored since the last call (single-threaded: the server's timer calls it).
     * The first call only sets the watermark, so a replica that starts does not replay history to its subscribers.
     *
     * @return how many events it delivered
     */
    public int relay() {
        if (watermark < 0) {
            watermark = store.latestId();
            // What the late-commit window will read again is history too.
            for (FleetEvent e : store.after(Math.max(0, watermark - LATE_COMMIT_WINDOW), 1000)) {
                synchronized (delivered) {
                    delivered.add(e.id());
                }
            }
            return 0;
        }
        int n = 0;
        for (FleetEvent e : store.after(Math.max(0, watermark - LATE_COMMIT_WINDOW), 1000)) {
            watermark = Math.max(watermark, e.id());
            boolean fresh;
            synchronized (delivered) {
                fresh = delivered.add(e.id());
            }
            if (fresh) {
                publish(e);
                n++;
            }
        }
        return n;
    }

    private void publish(FleetEvent e) {
        String poolId = e.poolId();
        for (Subscription s : subscribers) {
            if (s.poolId() == null || s.poolId().equals(poolId)) {
                try {
                    s.sink().accept(e);
                } catch (RuntimeException ignored) {
                    // A broken subscriber unsubscribes itself on close; it must not stop the others.
                }
            }
        }
    }

    public Subscription subscribe(String poolId, Consumer<FleetEvent> sink) {
        Subscription s = new Subscription(poolId, sink);
        subscribers.add(s);
        return s;
    }

    public void unsubscribe(Subscription s) {
        subscribers.remove(s);
    }

    public int subscriberCount() {
        return subscribers.size();
    }
}
