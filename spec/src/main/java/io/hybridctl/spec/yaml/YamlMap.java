package io.hybridctl.spec.yaml;

import io.hybridctl.spec.diag.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A mapping in source order; each entry keeps the location of its key, where "unknown key" errors point. */
public record YamlMap(Map<String, Entry> entries, Location location, long weight) implements YamlNode {

    public record Entry(String key, Location keyLocation, YamlNode value) {
    }

    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<YamlNode> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public String kindName() {
        return "a mapping";
    }
}
