package io.hybridctl.fleet.service;

import io.hybridctl.fleet.store.EventStore;
import io.hybridctl.fleet.store.HostStore;
import io.hybridctl.fleet.store.InventoryStore;
import io.hybridctl.fleet.store.Jdbc;
import io.hybridctl.fleet.store.OperationStore;
import io.hybridctl.fleet.store.TokenStore;

import java.time.Clock;
import java.time.Duration;

/** The stores, clock, event hub and timing settings the services share. */
public record Fleet(Jdbc jdbc, TokenStore tokens, InventoryStore inventory, HostStore hosts, OperationStore operations,
                    EventStore events, EventHub hub, Clock clock, Timing timing) {

    /**
     * @param heartbeat   how often agents heartbeat
     * @param lease       how long a RUNNING operation may go without an agent report before it is failed
     */
    public record Timing(Duration heartbeat, Duration lease) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(10), Duration.ofMinutes(2));
        }
    }

    public long now() {
        return clock.millis();
    }

    public void audit(String actor, String action, String target, String detail) {
        events.audit(actor, action, target, detail, now());
    }
}
