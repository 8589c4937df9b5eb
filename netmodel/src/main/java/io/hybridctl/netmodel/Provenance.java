package io.hybridctl.netmodel;

/**
 * Where a route, rule or session came from, so that every step of a trace can point the user at the line to change:
 * a spec path, a generated artifact and its line, a file of observed state, or a default the builder assumed.
 */
public record Provenance(Origin origin, String where, int line) {

    public enum Origin { SPEC, ARTIFACT, OBSERVED, ASSUMED }

    public Provenance {
        if (origin == null || where == null) {
            throw new IllegalArgumentException("origin and where are required");
        }
    }

    public static Provenance spec(String path) {
        return new Provenance(Origin.SPEC, path, 0);
    }

    public static Provenance artifact(String file, int line) {
        return new Provenance(Origin.ARTIFACT, file, line);
    }

    public static Provenance observed(String file, String detail) {
        return new Provenance(Origin.OBSERVED, file + (detail.isEmpty() ? "" : " " + detail), 0);
    }

    public static Provenance assumed(String why) {
        return new Provenance(Origin.ASSUMED, why, 0);
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
