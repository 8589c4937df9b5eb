package io.hybridctl.fleet.service;

import io.hybridctl.fleet.bootstrap.BootstrapException;
import io.hybridctl.fleet.bootstrap.ClusterDesign;
import io.hybridctl.fleet.model.FleetCluster;
import io.hybridctl.fleet.store.InventoryStore;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Each cluster's imported spec, loaded once per import (loading validates the whole spec) and shared by every request. */
public final class Designs {

    private record Loaded(InventoryStore.StoredSpec stored, ClusterDesign design) {
    }

    private final Fleet fleet;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public Designs(Fleet fleet) {
        this.fleet = fleet;
    }

    /**
     * @throws BootstrapException when the cluster has no spec, or its spec no longer loads (a file it names went away)
     */
    public ClusterDesign of(FleetCluster cluster) throws BootstrapException {
        InventoryStore.StoredSpec stored = fleet.inventory().storedSpec(cluster.id()).orElseThrow(() -> new BootstrapException("cluster "
                + cluster.name() + " was imported without its spec; import it again with `hybridctl fleet import -f SPEC`"));
        Loaded l = loaded.get(cluster.id());
        if (l != null && l.stored().equals(stored)) {
            return l.design();
        }
        // A fleet of agents registering at once must not validate the same spec once each.
        synchronized (this) {
            l = loaded.get(cluster.id());
            if (l != null && l.stored().equals(stored)) {
                return l.design();
            }
            ClusterDesign design = ClusterDesign.load(stored.yaml(), Path.of(stored.directory() == null ? "." : stored.directory()));
            loaded.put(cluster.id(), new Loaded(stored, design));
            return design;
        }
    }

    public Optional<ClusterDesign> find(FleetCluster cluster) {
        try {
            return Optional.of(of(cluster));
        } catch (BootstrapException e) {
            return Optional.empty();
        }
    }
}
