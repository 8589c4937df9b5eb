package io.hybridctl.verify.model;

import io.hybridctl.netmodel.Provenance;

/** Carries plan's provenance (spec path -> artifact[:line]) into the model's. */
public final class Provenances {

    private Provenances() {
    }

    public static Provenance of(io.hybridctl.plan.intent.Provenance p) {
        if (p.artifact().isEmpty()) {
            return Provenance.spec(p.specPath().orElse(""));
        }
        String where = p.specPath().map(s -> s + " -> ").orElse("") + p.artifact().get();
        return Provenance.artifact(where, p.line());
    }
}
