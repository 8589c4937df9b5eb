package io.hybridctl.verify.observed;

import io.hybridctl.verify.Verifier;
import io.hybridctl.verify.flows.FlowResult;
import io.hybridctl.verify.report.TextReport;
import io.hybridctl.verify.report.VerifyReport;
import io.hybridctl.spec.load.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports shaped as the AWS CLI, FRR and nft print them, laid over the suite's BGP design. */
class ObservedStateTest {

    private static Path resource(String path) throws Exception {
        return Path.of(ObservedStateTest.class.getResource(path).toURI());
    }

    private static Verifier.Request design() throws Exception {
        return Verifier.Request.of(new SpecLoader().load(resource("/designs/bgp-cilium.yaml")).validSpec().orElseThrow());
    }

    private static Set<String> failing(VerifyReport r) {
        return r.flows().stream().filter(f -> !f.passed()).map(f -> f.definition().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void stateThatMatchesTheDesignPassesWithoutDifferences() throws Exception {
        VerifyReport r = new Verifier().run(design().withObserved(resource("/observed/matching"))).report();
        assertThat(r.differences()).isEmpty();
        assertThat(r.passed()).as(new TextReport(3).render(r)).isTrue();
    }

    @Test
    void driftIsReportedAndTheFlowsItBreaksFail() throws Exception {
        VerifyReport r = new Verifier().run(design().withObserved(resource("/observed/drifted"))).report();
        assertThat(r.differences()).extracting(VerifyReport.Difference::detail)
                .anyMatch(d -> d.contains("route 192.168.32.0/23 -> tgw-0a1b2c3d4e5f60718 is missing"))
                .anyMatch(d -> d.contains("router runs AS 65099, the design says 65432"));
        assertThat(failing(r)).contains("apiserver-to-kubelet", "node-to-bgp-peer", "apiserver-to-webhook", "pod-to-apiserver");
        FlowResult kubelet = r.flows().stream().filter(f -> f.definition().name().equals("apiserver-to-kubelet")).findFirst().orElseThrow();
        assertThat(kubelet.findings()).allMatch(f -> f.destination().equals("host node-01") && f.explanation().code().equals("HOST_FIREWALL_DENY"));
        assertThat(kubelet.findings().get(0).trace().orElseThrow().decidingStep().toString()).contains("hosts/node-01/nft.json").contains("policy drop");
        assertThat(r.flows().stream().flatMap(f -> f.findings().stream()).map(f -> f.explanation().code()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("HOST_FIREWALL_DENY", "BGP_SESSION_DOWN", "NO_ROUTE_TO_DESTINATION");
    }

    @Test
    void aFileThatIsNotTheExpectedExportIsAUserErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("aws"));
        Files.writeString(dir.resolve("aws/route-tables.json"), "{\"Routes\": []}");
        assertThatThrownBy(() -> new Verifier().run(design().withObserved(dir)))
                .isInstanceOf(ObservedStateException.class).hasMessageContaining("route-tables.json").hasMessageContaining("missing 'RouteTables'");
        Files.writeString(dir.resolve("aws/route-tables.json"), "{\"RouteTables\": [");
        assertThatThrownBy(() -> new Verifier().run(design().withObserved(dir)))
                .isInstanceOf(ObservedStateException.class).hasMessageContaining("not valid JSON");
    }
}
