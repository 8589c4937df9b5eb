package io.hybridctl.verify;

import io.hybridctl.netmodel.dataplane.DataPlane;
import io.hybridctl.netmodel.flow.FlowAnalyzer;
import io.hybridctl.netmodel.topology.Network;
import io.hybridctl.plan.design.Design;
import io.hybridctl.plan.design.Designer;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.verify.flows.CatalogueEntry;
import io.hybridctl.verify.flows.CatalogueRun;
import io.hybridctl.verify.flows.FlowCatalogue;
import io.hybridctl.verify.flows.FlowResult;
import io.hybridctl.verify.flows.FlowRunner;
import io.hybridctl.verify.flows.VerifyOptions;
import io.hybridctl.verify.model.HybridModel;
import io.hybridctl.verify.model.ModelBuilder;
import io.hybridctl.verify.observed.ObservedDirectory;
import io.hybridctl.verify.observed.ObservedStateException;
import io.hybridctl.verify.report.VerifyReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The verify pipeline: plan's lenient derivation of the design (never a second copy of its rules), the model, observed
 * state over it, the data plane, then every catalogue flow. It also runs on specs with validation errors, because broken
 * designs are what it is for: whatever cannot be allocated or derived is left out and said so in the notes.
 */
public final class Verifier {

    /** What verify checks: a spec (valid or not), the lock beside it, and optional observed state. */
    public record Request(HybridCluster spec, List<Diagnostic> specErrors, Optional<Path> lockFile, Optional<Path> observed,
                          VerifyOptions options, UnaryOperator<NetworkIntent> intentOverride) {
        public static Request of(HybridCluster spec) {
            return new Request(spec, List.of(), Optional.empty(), Optional.empty(), VerifyOptions.DEFAULT, UnaryOperator.identity());
        }

        public Request withIntent(UnaryOperator<NetworkIntent> override) {
            return new Request(spec, specErrors, lockFile, observed, options, override);
        }

        public Request withObserved(Path directory) {
            return new Request(spec, specErrors, lockFile, Optional.of(directory), options, intentOverride);
        }

        public Request withOptions(VerifyOptions o) {
            return new Request(spec, specErrors, lockFile, observed, o, intentOverride);
        }
    }

    /** The model and analyser a run used, for tracing single flows afterwards, and how long each phase took. */
    public record Run(VerifyReport report, HybridModel model, FlowAnalyzer analyzer, Map<String, PhaseTime> phases) {
    }

    /** Wall time and this thread's CPU time of one phase (CPU time stays meaningful on a busy machine). */
    public record PhaseTime(long wallMillis, long cpuMillis) {
        PhaseTime plus(PhaseTime o) {
            return new PhaseTime(wallMillis + o.wallMillis, cpuMillis + o.cpuMillis);
        }
    }

    /** Time per phase, in order, for bench/verify.sh (HYBRIDCTL_TIMING=1). */
    private static final class Phases {
        private final Map<String, PhaseTime> times = new LinkedHashMap<>();
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private long lastWall = System.nanoTime();
        private long lastCpu = threads.getCurrentThreadCpuTime();

        void done(String phase) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            times.merge(phase, new PhaseTime((wall - lastWall) / 1_000_000, (cpu - lastCpu) / 1_000_000), PhaseTime::plus);
            lastWall = wall;
            lastCpu = cpu;
        }

        void record(String phase, PhaseTime time) {
            times.merge(phase, time, PhaseTime::plus);
        }
    }

    private final int threads;

    /** Flows are checked on as many threads as there are processors, up to four. */
    public Verifier() {
        this(Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** @param threads worker threads for the flow checks (1: all on the calling thread); the report does not depend on it */
    public Verifier(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** @throws ObservedStateException when an observed-state file cannot be used (a user error) */
    public Run run(Request request) throws ObservedStateException {
        Phases phases = new Phases();
        List<String> notes = new ArrayList<>();
        if (!request.specErrors().isEmpty()) {
            notes.add("the spec has " + request.specErrors().size() + " validation error(s) (first: " + request.specErrors().get(0).code() + " "
                    + request.specErrors().get(0).message() + "); verifying the design as written");
        }
        HybridCluster spec = request.spec();
        Design design = Designer.deriveLenient(spec, request.lockFile());
        notes.addAll(design.notes());
        NetworkIntent intent = request.intentOverride().apply(design.intent());
        phases.done("design (pod blocks, intent)");
        HybridModel model = new ModelBuilder().build(design.spec(), intent);
        phases.done("model");
        List<VerifyReport.Difference> differences = new ArrayList<>();
        if (request.observed().isPresent()) {
            Network observed = ObservedDirectory.load(request.observed().get(), model).apply(model, differences);
            model = new HybridModel(model.spec(), model.intent(), observed, model.controlPlane(), model.cloudPods(), model.coreDns(),
                    model.hosts(), model.sites());
        }
        phases.done("observed state");
        FlowAnalyzer analyzer = new FlowAnalyzer(DataPlane.compute(model.network()));
        phases.done("data plane");
        if (!analyzer.dataPlane().bgp().converged()) {
            notes.add("BGP did not converge within " + io.hybridctl.netmodel.dataplane.BgpFixedPoint.MAX_ROUNDS + " rounds: the design has no stable solution");
        }
        FlowRunner runner = new FlowRunner(model, analyzer);
        List<CatalogueEntry> entries = FlowCatalogue.entries();
        List<CatalogueRun.Timed> timed = CatalogueRun.run(model, entries, request.options(), runner,
                () -> new FlowRunner(runner, new FlowAnalyzer(analyzer.dataPlane())), threads);
        phases.done("flows (" + threads + " threads)");
        List<FlowResult> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            results.add(timed.get(i).result());
            phases.record("  flow " + entries.get(i).definition().name(), new PhaseTime(timed.get(i).wallMillis(), timed.get(i).cpuMillis()));
        }
        VerifyReport report = new VerifyReport(spec.name(), spec.hostCount(), spec.sites().size(), notes, differences, results);
        return new Run(report, model, analyzer, java.util.Collections.unmodifiableMap(phases.times));
    }
}
