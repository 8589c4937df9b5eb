package io.hybridctl.verify;

import io.hybridctl.netmodel.flow.FlowAnalyzer;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.verify.observed.ObservedStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the analyser's work grows with the design, counted in subtrees computed (not timed: bench/verify.sh times).
 * All-pairs flows between sites must share each site's subtree among all other sites' sources; keyed by source, as
 * first built, doubling the sites quadrupled the work.
 */
class VerifierScalingTest {

    @TempDir
    Path dir;

    private FlowAnalyzer.Work work(int sites, int hosts) throws IOException, ObservedStateException {
        Path file = dir.resolve(sites + "x" + hosts + ".yaml");
        Files.writeString(file, SyntheticSpec.yaml(sites, hosts));
        LoadResult load = new SpecLoader().load(file);
        Verifier.Run run = new Verifier(1).run(Verifier.Request.of(load.spec().orElseThrow()));
        assertThat(run.report().passed()).as("the synthetic design is correct").isTrue();
        return run.analyzer().work();
    }

    /** Computed subtrees of the larger design over those of the smaller one. */
    private double growth(int sites, int hosts, int moreSites, int moreHosts) throws Exception {
        FlowAnalyzer.Work small = work(sites, hosts);
        FlowAnalyzer.Work large = work(moreSites, moreHosts);
        assertThat(large.computed()).as("computed subtrees %s -> %s", small, large).isPositive();
        return (double) large.computed() / small.computed();
    }

    @Test
    void doublingTheSitesAtMostDoublesTheWork() throws Exception {
        assertThat(growth(24, 4, 48, 4)).isLessThan(2.4);
    }

    @Test
    void doublingTheHostsPerSiteAtMostDoublesTheWork() throws Exception {
        assertThat(growth(24, 4, 24, 8)).isLessThan(2.2);
    }
}
