package io.hybridctl.spec.load;

import io.hybridctl.net.Prefix;
import io.hybridctl.spec.StarterSpec;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.ServiceCidrDefault;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SpecLoaderTest {

    static Path repo() {
        return Path.of(System.getProperty("hybridctl.repo", ".."));
    }

    static LoadResult load(String yaml) {
        return new SpecLoader().load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
    }

    static String example(String name) throws Exception {
        return Files.readString(repo().resolve("examples").resolve(name));
    }

    @Test
    void everyExampleValidatesWithoutErrors() throws Exception {
        List<Path> examples;
        try (Stream<Path> s = Files.list(repo().resolve("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        for (Path p : examples) {
            LoadResult r = new SpecLoader().load(p);
            assertThat(r.report().hasErrors()).as(p + ": " + r.diagnostics()).isFalse();
            assertThat(r.validSpec()).isPresent();
        }
    }

    @Test
    void starterSpecIsValid() {
        LoadResult r = load(StarterSpec.text());
        assertThat(r.diagnostics()).noneMatch(d -> d.severity() != Severity.NOTE);
    }

    @Test
    void derivesRemoteNetworksByMergingSites() throws Exception {
        HybridCluster spec = new SpecLoader().load(repo().resolve("examples/two-site-ira.yaml")).validSpec().orElseThrow();
        assertThat(spec.remoteNodeNetworks()).containsExactly(Prefix.parse("10.80.0.0/23"));
        assertThat(spec.remotePodNetworks()).containsExactly(Prefix.parse("10.85.0.0/19"));
    }

    @Test
    void unroutablePodsAreNotRemotePodNetworks() throws Exception {
        HybridCluster spec = new SpecLoader().load(repo().resolve("examples/unroutable-pods.yaml")).validSpec().orElseThrow();
        assertThat(spec.remotePodNetworks()).isEmpty();
        assertThat(spec.remoteNodeNetworks()).containsExactly(Prefix.parse("172.16.10.0/24"));
    }

    @Test
    void serviceCidrDefaultsLikeEks() throws Exception {
        String lab = example("lab-cilium-bgp.yaml");
        assertThat(load(lab).spec().orElseThrow().serviceCidr()).isEqualTo(ServiceCidrDefault.IN_TEN);
        String outsideTen = lab.replace("cidr: 10.250.0.0/16", "cidr: 172.31.0.0/16");
        assertThat(load(outsideTen).spec().orElseThrow().serviceCidr()).isEqualTo(ServiceCidrDefault.OUTSIDE_TEN);
        String explicit = lab.replace("    authenticationMode: API_AND_CONFIG_MAP\n", "    authenticationMode: API_AND_CONFIG_MAP\n    serviceCIDR: 172.21.0.0/16\n");
        assertThat(load(explicit).spec().orElseThrow().serviceCidr()).isEqualTo(Prefix.parse("172.21.0.0/16"));
    }

    @Test
    void locationsPointAtTheOffendingValue() throws Exception {
        String lab = example("lab-cilium-bgp.yaml").replace("address: 192.168.200.12", "address: 192.168.201.12");
        var d = load(lab).diagnostics().stream().filter(x -> x.code().equals("DES001")).findFirst().orElseThrow();
        String line = lab.lines().toList().get(d.location().line() - 1);
        assertThat(line).contains("192.168.201.12");
        assertThat(d.path()).isEqualTo("spec.sites[0].hosts[1].address");
    }

    @Test
    void reportsEveryProblemInOneRun() throws Exception {
        String lab = example("lab-cilium-bgp.yaml")
                .replace("authenticationMode: API_AND_CONFIG_MAP", "authenticationMode: CONFIG_MAP")
                .replace("address: 192.168.200.12", "address: 192.168.201.12")
                .replace("podRouting: bgp", "podRouting: static");
        assertThat(load(lab).diagnostics()).extracting(x -> x.code()).contains("EKS006", "DES001", "DES012");
    }

    @Test
    void missingFileIsUnreadableNotASpecError() {
        LoadResult r = new SpecLoader().load(Path.of("does/not/exist.yaml"));
        assertThat(r.report().exitCode(false)).isEqualTo(2);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("SPEC009"));
    }

    @Test
    void strictTurnsWarningsIntoFailure() throws Exception {
        LoadResult r = new SpecLoader().load(repo().resolve("examples/unroutable-pods.yaml"));
        assertThat(r.report().exitCode(false)).isZero();
        assertThat(r.report().exitCode(true)).isEqualTo(1);
    }
}
