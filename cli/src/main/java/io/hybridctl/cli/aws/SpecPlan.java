package io.hybridctl.cli.aws;

import io.hybridctl.cli.UserError;
import io.hybridctl.plan.PlanInputException;
import io.hybridctl.plan.PlanOutcome;
import io.hybridctl.plan.PlanSources;
import io.hybridctl.plan.Planner;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.format.TextFormat;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;

import java.nio.file.Path;
import java.util.Optional;

/** A valid spec and its rendered plan, as `hybridctl plan` makes it; a spec with errors stops here with plan's exit code. */
record SpecPlan(HybridCluster spec, RenderedPlan plan) {

    static HybridCluster load(Path file) {
        LoadResult loaded = new SpecLoader().load(file);
        Optional<HybridCluster> valid = loaded.validSpec();
        if (valid.isEmpty()) {
            throw new UserError(loaded.report().exitCode(false), "the spec has errors; nothing was sent to AWS\n"
                    + new TextFormat(false).render(loaded.report()).stripTrailing());
        }
        return valid.get();
    }

    static SpecPlan of(Path file) {
        HybridCluster spec = load(file);
        PlanOutcome outcome;
        try {
            outcome = new Planner().plan(PlanSources.read(spec, file, Optional.empty()));
        } catch (PlanInputException e) {
            throw new UserError(Report.UNUSABLE_INPUT, e.getMessage());
        }
        if (outcome instanceof PlanOutcome.Refused) {
            throw new UserError(Report.SPEC_ERRORS, "the pod address plan cannot keep every host's block (run hybridctl plan for details); nothing was sent to AWS");
        }
        return new SpecPlan(spec, ((PlanOutcome.Rendered) outcome).plan());
    }
}
