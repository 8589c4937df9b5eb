package io.hybridctl.verify.model;

import io.hybridctl.netmodel.Provenance;
import io.hybridctl.spec.model.HybridCluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Carries plan's provenance (spec path -> artifact[:line]) into the model's. */
public final class Provenances {

    private Provenances() {
    }

    public static Provenance of(io.hybridctl.plan.intent.Provenance p, HybridCluster spec) {
        Optional<String> path = p.specPath().map(s -> named(s, spec));
        if (p.artifact().isEmpty()) {
            return Provenance.spec(path.orElse(""));
        }
        String where = path.map(s -> s + " -> ").orElse("") + p.artifact().get();
        return Provenance.artifact(where, p.line());
    }

    private static final Pattern SITE = Pattern.compile("^spec\\.sites\\[(\\d+)]");

    /** "spec.sites[1].router" becomes "spec.sites[1].router (site edge-west)": people know their sites by name. */
    static String named(String path, HybridCluster spec) {
        Matcher m = SITE.matcher(path);
        if (!m.find()) {
            return path;
        }
        int index = Integer.parseInt(m.group(1));
        return index < spec.sites().size() ? path + " (site " + spec.sites().get(index).name() + ")" : path;
    }
}
