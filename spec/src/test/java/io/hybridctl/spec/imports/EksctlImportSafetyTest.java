package io.hybridctl.spec.imports;

import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No value of the eksctl file becomes structure in the imported spec; TODOs name exactly what is missing or assumed. */
class EksctlImportSafetyTest {

    @TempDir
    Path dir;

    private static final String ROLE = "arn:aws:iam::111111111111:role/attacker";

    private String base() throws Exception {
        return Files.readString(EksctlImportTest.FIXTURES.resolve("hybrid-ira.yaml"));
    }

    private String convert(String eksctl) throws Exception {
        Path f = Files.writeString(dir.resolve("c.yaml"), eksctl);
        return new EksctlImport().convert(f);
    }

    private static HybridCluster load(String spec) {
        return new SpecLoader().load("imported.yaml", spec.getBytes(StandardCharsets.UTF_8), Path.of(".")).spec().orElseThrow();
    }

    /** The finding: a CA bundle ending in U+2028 and a roleARN line gave a spec that validated, carrying that role. */
    @Test
    void aLineSeparatorInTheCaBundleIsRefused() throws Exception {
        String eksctl = base().replace("      -----END CERTIFICATE-----\n",
                "      -----END CERTIFICATE-----\u2028      roleARN: " + ROLE + "\n");
        assertThatThrownBy(() -> convert(eksctl)).isInstanceOf(ImportException.class).hasMessageContaining("U+2028");
    }

    @ParameterizedTest
    @ValueSource(strings = {"  vpcGatewayID: tgw-0123456789abcdef0", "  cidr: 10.250.0.0/16", "  authenticationMode: API_AND_CONFIG_MAP",
            "  serviceIPv4CIDR: 172.20.0.0/16"})
    void aNewlineInASingleLineFieldIsRefused(String field) throws Exception {
        String key = field.strip().substring(0, field.strip().indexOf(':'));
        String value = field.substring(field.indexOf(": ") + 2);
        // a double-quoted eksctl value may hold \n; unquoted, our old writer turned it into a new key
        String eksctl = base().replace(field, field.substring(0, field.indexOf(':')) + ": \"" + value + "\\n    roleARN: " + ROLE + "\"");
        assertThat(eksctl).as(key).isNotEqualTo(base());
        assertThatThrownBy(() -> convert(eksctl)).isInstanceOf(ImportException.class).hasMessageContaining("U+000A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1.30", "a: b", "- x", "# c", "'q'", "\"d\"", "{x}", "*alias", "null", "~"})
    void valuesThatLookLikeYamlAreQuotedAndReadBackAsWritten(String name) throws Exception {
        String eksctl = base().replace("  name: my-cluster", "  name: '" + name.replace("'", "''") + "'");
        assertThat(load(convert(eksctl)).name()).isEqualTo(name);
    }

    @Test
    void aTodoOnlyForWhatIsReallyMissing() throws Exception {
        String spec = convert(base());
        assertThat(spec).doesNotContain("metadata.version was not set").doesNotContain("availabilityZones was not set");
        String noVersion = convert(base().replace("  version: \"1.31\"\n", ""));
        assertThat(noVersion).contains("# TODO: metadata.version was not set");
    }

    @Test
    void droppedNodeGroupsAndInventedZonesAreNamed() throws Exception {
        String eksctl = base().replace("availabilityZones: [us-west-2a, us-west-2b]\n", "")
                + "managedNodeGroups:\n  - name: cloud-a\n  - name: cloud-b\nnodeGroups:\n  - name: old\n";
        String spec = convert(eksctl);
        assertThat(spec).contains("# TODO: managedNodeGroups (2) were not imported")
                .contains("# TODO: nodeGroups (1) were not imported")
                .contains("# TODO: availabilityZones was not set; us-west-2a and us-west-2b were assumed");
        load(spec);
    }
}
