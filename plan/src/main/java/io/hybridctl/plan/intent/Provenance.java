package io.hybridctl.plan.intent;

import java.util.Optional;

/**
 * Where an intent entry comes from (the spec path that asks for it) and where it is rendered (an artifact path
 * under out/, and the 1-based line there once rendered; 0 while unknown).
 */
public record Provenance(Optional<String> specPath, Optional<String> artifact, int line) {

    public static Provenance of(String specPath, String artifact) {
        return new Provenance(Optional.of(specPath), Optional.of(artifact), 0);
    }

    public Provenance atLine(int line) {
        return new Provenance(specPath, artifact, line);
    }

    @Override
    public String toString() {
        String where = artifact.map(a -> line > 0 ? a + ":" + line : a).orElse("");
        return specPath.map(s -> where.isEmpty() ? s : s + " -> " + where).orElse(where);
    }
}
