package io.hybridctl.plan.consumers;

import io.hybridctl.plan.Examples;
import io.hybridctl.plan.PlanInputs;
import io.hybridctl.plan.PlanOutcome;
import io.hybridctl.plan.Planner;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.CaBundles;
import io.hybridctl.spec.model.HybridCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the consumer tests feed to the consumers: the plan of every example, and of two specs bench/generate-spec.py
 * writes with --mixed (5 sites; Ubuntu, RHEL and AL2023 hosts; FRR and VyOS routers; Cilium BGP and Calico BGP).
 */
final class Subjects {

    record Subject(String name, HybridCluster spec, RenderedPlan plan) {
    }

    private static List<Subject> all;

    private Subjects() {
    }

    static synchronized List<Subject> all() {
        if (all == null) {
            List<Subject> out = new ArrayList<>();
            for (Path e : Examples.all()) {
                out.add(new Subject(Examples.name(e), Examples.load(e), Examples.plan(e)));
            }
            out.add(generated("generated-5-site-cilium-bgp", "--cni", "cilium", "--routing", "bgp"));
            out.add(generated("generated-5-site-calico-bgp", "--cni", "calico", "--routing", "bgp"));
            all = List.copyOf(out);
        }
        return all;
    }

    private static Subject generated(String name, String... options) {
        try {
            Path spec = Files.createTempFile("hybridctl-" + name + "-", ".yaml");
            try {
                List<String> command = new ArrayList<>(List.of("python3", Examples.repo().resolve("bench/generate-spec.py").toString(), "5", "3", "--mixed"));
                command.addAll(List.of(options));
                Process p = new ProcessBuilder(command).redirectOutput(spec.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (p.waitFor() != 0) {
                    throw new AssertionError("bench/generate-spec.py " + String.join(" ", options) + " failed");
                }
                LoadResult r = new SpecLoader().load(spec);
                HybridCluster valid = r.validSpec().orElseThrow(() -> new AssertionError(name + " is not valid: " + r.diagnostics()));
                PlanInputs in = new PlanInputs(valid, LockFile.empty(valid.name()), Optional.empty(), CaBundles.pem(valid.credentials()), Map.of());
                return switch (new Planner().plan(in)) {
                    case PlanOutcome.Rendered rendered -> new Subject(name, valid, rendered.plan());
                    case PlanOutcome.Refused f -> throw new AssertionError("plan refused " + name + ": " + f.problems());
                };
            } finally {
                Files.deleteIfExists(spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
