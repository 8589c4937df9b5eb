package io.hybridctl.fleet.store;

import io.hybridctl.fleet.model.Host;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Hosts by id for the agent hot path (mTLS identity, last known health and facts), so a heartbeat needs no lookup.
 * Every write to a host evicts its entry. A generation counter per id stops a load that raced with a write from
 * putting the pre-write row back: the loader re-checks the generation after its put and removes what it put.
 */
final class HostCache {

    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> generations = new ConcurrentHashMap<>();

    Optional<Host> get(String id, Supplier<Optional<Host>> load) {
        Host cached = hosts.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        AtomicLong generation = generations.computeIfAbsent(id, k -> new AtomicLong());
        long before = generation.get();
        Optional<Host> loaded = load.get();
        loaded.ifPresent(h -> {
            hosts.put(id, h);
            if (generation.get() != before) {
                hosts.remove(id, h);
            }
        });
        return loaded;
    }

    void evict(String id) {
        generations.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
        hosts.remove(id);
    }

    int size() {
        return hosts.size();
    }
}
