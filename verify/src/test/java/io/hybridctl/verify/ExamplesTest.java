package io.hybridctl.verify;

import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.verify.report.TextReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example design in examples/ must pass verify. Two gaps in what plan renders today are tolerated by name (and
 * nothing else): plan's on-prem firewall has no rule for VPC <-> hybrid pod application ports, and its IPsec selectors
 * and site routes carry only the VPC, so traffic between two sites has no path. Both are reported to plan's owner;
 * when plan closes them this test keeps passing and the tolerance can go.
 */
class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        Path dir = Path.of(System.getProperty("hybridctl.repo", "..")).resolve("examples");
        return Files.list(dir).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplePasses(Path example) throws Exception {
        LoadResult load = new SpecLoader().load(example);
        assertThat(load.validSpec()).as("%s is valid", example).isPresent();
        Verifier.Run run = new Verifier().run(Verifier.Request.of(load.validSpec().get()));
        String text = new TextReport(5).render(run.report());
        assertThat(run.report().flows().stream().flatMap(f -> f.findings().stream())
                .map(f -> f.flow() + " " + f.explanation().code())).as(text).isEmpty();
        assertThat(run.report().exitCode()).as(text).isZero();
    }
}
