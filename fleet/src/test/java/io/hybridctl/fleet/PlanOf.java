package io.hybridctl.fleet;

import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.plan.PlanInputs;
import io.hybridctl.plan.PlanOutcome;
import io.hybridctl.plan.Planner;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.CaBundles;
import io.hybridctl.spec.model.HybridCluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What `hybridctl plan` renders for a spec file, to compare the fleet's output with. */
public final class PlanOf {

    private PlanOf() {
    }

    public static RenderedPlan plan(Path specFile, Optional<SsmActivation> activation) throws Exception {
        LoadResult r = new SpecLoader().load(specFile);
        HybridCluster spec = r.validSpec().orElseThrow(() -> new AssertionError(specFile + " is not valid: " + r.diagnostics()));
        PlanInputs in = new PlanInputs(spec, LockFile.empty(spec.name()), activation, CaBundles.pem(spec.credentials()), Map.of());
        return switch (new Planner().plan(in)) {
            case PlanOutcome.Rendered rendered -> rendered.plan();
            case PlanOutcome.Refused f -> throw new AssertionError("plan refused " + specFile + ": " + f.problems());
        };
    }
}
