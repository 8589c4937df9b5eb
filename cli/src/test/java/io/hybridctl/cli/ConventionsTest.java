package io.hybridctl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line conventions users bring from kubectl and eksctl, in-process (ShellSessionTest runs them in a shell). */
class ConventionsTest {

    // YAML's own escapes put ESC and BEL into the key, as a hostile spec could.
    private static final String BROKEN = """
            apiVersion: hybridctl.io/v1alpha1
            kind: HybridCluster
            metadata:
              name: demo
            spec:
              "bogus\\e]0;owned\\a\\e[31m": 1
            """;

    @Test
    void dashFileReadsTheSpecFromStandardInput() throws Exception {
        String example = Files.readString(CliRun.repo().resolve("examples/unroutable-pods.yaml"));
        CliRun ok = CliRun.withInput(example, "validate", "-f", "-");
        assertThat(ok.exit()).as(ok.all()).isZero();
        CliRun bad = CliRun.withInput(BROKEN, "validate", "-f", "-", "-o", "json");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("\"file\" : \"<stdin>\"");
    }

    @Test
    void unknownCommandsAreUsageErrorsEvenWithHelp() {
        for (List<String> args : List.of(List.of("no-such", "--help"), List.of("no-such"), List.of("pki", "no-such", "-h"), List.of("help", "no-such"))) {
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exit()).as(args + ": " + run.all()).isEqualTo(2);
            assertThat(run.out()).as(args + " prints no help").isEmpty();
        }
        assertThat(CliRun.of("no-such", "--help").err()).contains("unknown command 'no-such' for 'hybridctl'");
        assertThat(CliRun.of("validat").err()).contains("validate");
    }

    @Test
    void versionIsACommandToo() {
        CliRun run = CliRun.of("version");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).startsWith("hybridctl ").isEqualTo(CliRun.of("--version").out().strip());
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_hybridctl").contains("validate").contains("--out-dir");
        CliRun zsh = CliRun.of("completion", "zsh");
        assertThat(zsh.out()).startsWith("#compdef hybridctl").contains("bashcompinit").contains("_complete_hybridctl");
        assertThat(CliRun.of("completion", "fish").exit()).isEqualTo(2);
    }

    @Test
    void planTakesItsDirectoryWithOutDirAndTheOldDashOWithAWarning(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("cluster.yaml");
        Files.copy(CliRun.repo().resolve("examples/unroutable-pods.yaml"), spec);
        CliRun now = CliRun.of("plan", "-f", spec.toString(), "--out-dir", dir.resolve("a").toString());
        assertThat(now.exit()).as(now.all()).isZero();
        assertThat(now.err()).doesNotContain("deprecated");
        assertThat(dir.resolve("a/topology.svg")).exists();
        CliRun shortForm = CliRun.of("plan", "-f", spec.toString(), "-d", dir.resolve("b").toString());
        assertThat(shortForm.exit()).isZero();
        CliRun old = CliRun.of("plan", "-f", spec.toString(), "-o", dir.resolve("c").toString());
        assertThat(old.exit()).isZero();
        assertThat(old.err()).contains("deprecated").contains("--out-dir");
        assertThat(dir.resolve("c/topology.svg")).exists();
        assertThat(CliRun.of("plan", "-f", spec.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("plan", "-f", spec.toString(), "-d", "x", "-o", "y").exit()).isEqualTo(2);
    }

    @Test
    void controlCharactersInUserDataAreEscapedInTextAndGithubOutput() {
        for (String format : List.of("text", "github")) {
            CliRun run = CliRun.withInput(BROKEN, "validate", "-f", "-", "-o", format);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).as(format).contains("bogus\\e]0;owned\\a\\e[31m")
                    .doesNotContain("\u001b").doesNotContain("\u0007");
        }
        CliRun usage = CliRun.of("validate", "-f", "x.yaml", "-o", "x\u001b[2J");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("x\\e[2J").doesNotContain("\u001b");
        CliRun unknown = CliRun.of("\u001b[2Jboom");
        assertThat(unknown.err()).doesNotContain("\u001b");
    }

    @Test
    void errorsComeFirstAndTheRootCauseBeforeItsConsequences() {
        // A misspelt podNetworks (SPEC003, line 13) is why EKS014 (line 9) fires: the unknown key prints first.
        String spec = """
                apiVersion: hybridctl.io/v1alpha1
                kind: HybridCluster
                metadata:
                  name: demo
                spec:
                  cluster: {region: us-west-2, kubernetesVersion: "1.31"}
                  vpc: {cidr: 10.0.0.0/16, availabilityZones: [us-west-2a, us-west-2b], vpcGatewayID: tgw-0123456789abcdef0}
                  credentials: {provider: ssm}
                  cni: {plugin: cilium, version: "1.18.3", podRouting: bgp}
                  sites:
                    - name: dc1
                      nodeNetworks: [10.80.0.0/24]
                      podNetwork: [10.85.0.0/16]
                      router: {address: 10.80.0.1, asn: 65001}
                      connection: {type: vpn, vpnEndpoint: 198.51.100.1}
                      hosts:
                        - {name: n1, address: 10.80.0.10, os: ubuntu, osVersion: "22.04"}
                """;
        CliRun run = CliRun.withInput(spec, "validate", "-f", "-");
        List<String> firstLines = run.out().lines().filter(l -> l.startsWith("<stdin>")).toList();
        assertThat(firstLines).isNotEmpty();
        assertThat(firstLines.get(0)).as(run.out()).contains("SPEC003");
        CliRun quiet = CliRun.withInput(spec, "validate", "-f", "-", "-q");
        assertThat(quiet.out()).doesNotContain(": note[");
        assertThat(CliRun.withInput(spec, "validate", "-f", "-", "--min-severity", "loud").exit()).isEqualTo(2);
    }
}
