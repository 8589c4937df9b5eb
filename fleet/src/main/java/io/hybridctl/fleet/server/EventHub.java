package io.hybridctl.fleet.server;

import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.store.EventStore;

import java.time.Clock;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stores every event, then fans it out to live subscribers (SSE streams). In-process only: with several replicas the
 * store is the source of truth and each replica tails it (see docs/fleet.md).
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

    public FleetEvent record(String poolId, String hostId, String kind, String message) {
        FleetEvent e = store.append(poolId, hostId, kind, message, clock.millis());
        for (Subscription s : subscribers) {
            if (s.poolId() == null || s.poolId().equals(poolId)) {
                try {
                    s.sink().accept(e);
                } catch (RuntimeException ignored) {
                    // A broken subscriber unsubscribes itself on close; it must not stop the others.
                }
            }
        }
        return e;
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
