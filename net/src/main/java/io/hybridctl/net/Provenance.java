package io.hybridctl.net;

import java.util.Optional;

/**
 * Where a route, rule or session came from, so that every step of a trace can point the user at the line to change: a
 * spec path, a generated artifact (the spec path that asks for it, the file under out/, and its 1-based line once
 * rendered; 0 while unknown), a file of observed state, or a default assumed where neither spec nor plan says.
 * plan's intent and the network model share it, so verify's traces carry plan's provenance unchanged.
 */
public record Provenance(Origin origin, String where, Optional<String> artifact, int line) {

    public enum Origin { SPEC, ARTIFACT, OBSERVED, ASSUMED }

    public Provenance {
        if (origin == null || where == null || artifact == null) {
            throw new IllegalArgumentException("origin, where and artifact are required");
        }
    }

    public static Provenance spec(String path) {
        return new Provenance(Origin.SPEC, path, Optional.empty(), 0);
    }

    /** What a spec path asks for, rendered into an artifact (line unknown until the artifact is written). */
    public static Provenance of(String specPath, String artifact) {
        return new Provenance(Origin.ARTIFACT, specPath + " -> " + artifact, Optional.of(artifact), 0);
    }

    public static Provenance artifact(String file, int line) {
        return new Provenance(Origin.ARTIFACT, file, Optional.of(file), line);
    }

    public static Provenance observed(String file, String detail) {
        return new Provenance(Origin.OBSERVED, file + (detail.isEmpty() ? "" : " " + detail), Optional.empty(), 0);
    }

    public static Provenance assumed(String why) {
        return new Provenance(Origin.ASSUMED, why, Optional.empty(), 0);
    }

    public Provenance atLine(int line) {
        return new Provenance(origin, where, artifact, line);
    }

    /** The same origin, with a detail added to where it points (which part of the entry this is). */
    public Provenance detailed(String detail) {
        return new Provenance(origin, where + detail, artifact, line);
    }

    @Override
    public String toString() {
        return switch (origin) {
            // A spec path names its origin itself ("spec.sites[0].router"); "spec spec..." said it twice.
            case SPEC -> where.startsWith("spec") ? where : "spec " + where;
            case ARTIFACT -> line > 0 ? where + ":" + line : where;
            case OBSERVED -> "observed " + where;
            case ASSUMED -> "assumed: " + where;
        };
    }
}
