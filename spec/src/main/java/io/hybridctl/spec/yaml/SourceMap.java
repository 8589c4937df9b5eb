package io.hybridctl.spec.yaml;

import io.hybridctl.spec.diag.Location;

import java.util.HashMap;
import java.util.Map;

/**
 * Spec path ("spec.sites[0].hosts[2].address") to the place it was written. Rules work on the clean model and
 * ask this map where to point; a path that was defaulted rather than written falls back to its nearest parent.
 */
public final class SourceMap {

    private final String file;
    private final Map<String, Location> locations;

    public SourceMap(String file) {
        this(file, 16);
    }

    /** @param expectedPaths how many paths the spec will locate (a hint) */
    public SourceMap(String file, int expectedPaths) {
        this.file = file;
        this.locations = HashMap.newHashMap(Math.max(16, expectedPaths));
    }

    public String file() {
        return file;
    }

    public void put(String path, Location location) {
        locations.putIfAbsent(path, location);
    }

    public Location locate(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        Location root = locations.get("");
        return root != null ? root : Location.ofFile(file);
    }
}
