package io.hybridctl.cli.verify;

import io.hybridctl.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A design validate rejects is never "PASS", and never an internal error either, with or without --allow-invalid. */
class VerifyInvalidSpecTest {

    @TempDir
    Path dir;

    private static final Path REPO = CliRun.repo();

    private Path spec(String name) throws Exception {
        String base = Files.readString(REPO.resolve("examples/lab-cilium-bgp.yaml"));
        String text = switch (name) {
            case "pod-cidr-in-vpc" -> base.replace("podNetworks: [192.168.32.0/23]", "podNetworks: [10.250.32.0/23]");
            case "duplicate-azs" -> base.replace("availabilityZones: [us-west-2a, us-west-2b]", "availabilityZones: [us-west-2a, us-west-2a]");
            case "site-twice" -> base + base.substring(base.indexOf("    - name: lab"));
            case "block-size-33" -> base.replace("nodeBlockSize: 26", "nodeBlockSize: 33");
            default -> throw new IllegalArgumentException(name);
        };
        assertThat(text).isNotEqualTo(base);
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pod-cidr-in-vpc", "duplicate-azs", "site-twice", "block-size-33"})
    void aSpecWithValidationErrorsIsRefusedWithItsErrors(String name) throws Exception {
        CliRun r = CliRun.of("verify", "-f", spec(name).toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("PASS");
        assertThat(r.err()).contains("validation error(s)", "--allow-invalid").doesNotContain("internal error", "Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pod-cidr-in-vpc", "duplicate-azs", "site-twice", "block-size-33"})
    void withAllowInvalidItIsVerifiedOrRefusedButNeverAnInternalError(String name) throws Exception {
        CliRun r = CliRun.of("verify", "-f", spec(name).toString(), "--allow-invalid");
        assertThat(r.exit()).as(r.out() + r.err()).isIn(0, 1);
        assertThat(r.out() + r.err()).doesNotContain("internal error", "Exception", "\tat ");
    }

    @Test
    void athousandAndOneIdenticalSitesAreRefusedAtOnce() throws Exception {
        String base = Files.readString(REPO.resolve("examples/lab-cilium-bgp.yaml"));
        String site = base.substring(base.indexOf("    - name: lab"));
        Path spec = Files.writeString(dir.resolve("many.yaml"), base + site.repeat(1000));
        CliRun r = CliRun.of("verify", "-f", spec.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("validation error(s)").doesNotContain("internal error");
    }
}
