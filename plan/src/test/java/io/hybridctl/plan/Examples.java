package io.hybridctl.plan;

import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.CaBundles;
import io.hybridctl.spec.model.HybridCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The repository's examples/ and shared reference schemas, located through the hybridctl.repo property surefire sets. */
public final class Examples {

    private Examples() {
    }

    public static Path repo() {
        String repo = System.getProperty("hybridctl.repo");
        if (repo == null || repo.isBlank()) {
            throw new IllegalStateException("system property hybridctl.repo is not set; run the tests through ./build (surefire sets it to the repository root)");
        }
        return Path.of(repo);
    }

    /** shared/reference beside the repository or beside one of its parents (a git worktree sits one level deeper). */
    public static Path reference() {
        for (Path dir = repo().toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            Path ref = dir.resolve("shared/reference");
            if (Files.isDirectory(ref)) {
                return ref;
            }
        }
        throw new IllegalStateException("consumer schemas not found: expected shared/reference next to the repository " + repo() + " or one of its parents");
    }

    public static List<Path> all() {
        try (Stream<Path> s = Files.list(repo().resolve("examples"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(Path example) {
        return example.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    public static HybridCluster load(Path example) {
        LoadResult r = new SpecLoader().load(example);
        return r.validSpec().orElseThrow(() -> new AssertionError(example + " is not valid: " + r.diagnostics()));
    }

    /** The plan of an example as a first run renders it: no lock yet, no activation, no node certificates. */
    public static RenderedPlan plan(Path example) {
        HybridCluster spec = load(example);
        Optional<String> ca;
        try {
            ca = CaBundles.pem(spec.credentials());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlanInputs in = new PlanInputs(spec, LockFile.empty(spec.name()), Optional.empty(), ca, Map.of());
        return switch (new Planner().plan(in)) {
            case PlanOutcome.Rendered r -> r.plan();
            case PlanOutcome.Refused f -> throw new AssertionError("plan refused " + example + ": " + f.problems());
        };
    }
}
