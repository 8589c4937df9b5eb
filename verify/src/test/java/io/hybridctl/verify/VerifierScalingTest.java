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

    @Test
    void doublingTheSitesAtMostDoublesTheWork() throws Exception {
        FlowAnalyzer.Work small = work(24, 4);
        FlowAnalyzer.Work large = work(48, 4);
        double ratio = (double) large.computed() / small.computed();
        assertThat(ratio).as("computed subtrees %s -> %s", small, large).isLessThan(2.4);
    }

    @Test
    void doublingTheHostsPerSiteAtMostDoublesTheWork() throws Exception {
        FlowAnalyzer.Work small = work(24, 4);
        FlowAnalyzer.Work large = work(24, 8);
        double ratio = (double) large.computed() / small.computed();
        assertThat(ratio).as("computed subtrees %s -> %s", small, large).isLessThan(2.2);
    }
}
