package io.hybridctl.spec.imports;

import io.hybridctl.net.Prefix;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Vpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EksctlImportTest {

    static final Path FIXTURES = Path.of("src/test/resources/eksctl");

    private static LoadResult load(String yaml) {
        return new SpecLoader().load("imported.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
    }

    @Test
    void keepsEverythingThatMapsFromANewVpcIraCluster() throws Exception {
        String spec = new EksctlImport().convert(FIXTURES.resolve("hybrid-ira.yaml"));
        HybridCluster c = load(spec).spec().orElseThrow();
        assertThat(c.name()).isEqualTo("my-cluster");
        assertThat(c.cluster().region()).isEqualTo("us-west-2");
        assertThat(c.cluster().kubernetesVersion()).isEqualTo("1.31");
        assertThat(c.cluster().serviceCidr()).contains(Prefix.parse("172.20.0.0/16"));
        Prefix vpcCidr = Prefix.parse("10.250.0.0/16");
        assertThat(c.vpc()).isInstanceOfSatisfying(Vpc.NewVpc.class, v -> assertThat(v.cidr()).isEqualTo(vpcCidr));
        assertThat(c.vpc().gateway()).hasValueSatisfying(g -> assertThat(g.id()).isEqualTo("tgw-0123456789abcdef0"));
        assertThat(c.credentials().provider()).isEqualTo(Credentials.Provider.IAM_ROLES_ANYWHERE);
        assertThat(c.credentials().caBundle()).hasValueSatisfying(b -> assertThat(((Credentials.CaBundlePem) b).pem()).contains("MIIBsynthetic"));
        assertThat(c.remoteNodeNetworks()).containsExactly(Prefix.parse("10.80.0.0/16"));
        assertThat(c.remotePodNetworks()).containsExactly(Prefix.parse("10.85.0.0/16"));
        assertThat(spec).contains("# TODO: add sites[0].router").contains("# TODO: add sites[0].hosts");
        // What eksctl cannot know is reported by validate, not invented by the importer.
        assertThat(load(spec).diagnostics()).extracting(d -> d.code()).contains("DES004", "DES019");
    }

    @Test
    void importsAnExistingVpcWithItsSubnetsAndRole() throws Exception {
        String spec = new EksctlImport().convert(FIXTURES.resolve("existing-vpc-ssm.yaml"));
        HybridCluster c = load(spec).spec().orElseThrow();
        Prefix vpcCidr = Prefix.parse("10.20.0.0/16");
        assertThat(c.vpc()).isInstanceOfSatisfying(Vpc.ExistingVpc.class, v -> {
            assertThat(v.id()).isEqualTo("vpc-0abc0abc0abc0abc0");
            assertThat(v.cidrs()).containsExactly(vpcCidr);
            assertThat(v.subnetIds()).containsExactly("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb");
        });
        assertThat(c.credentials().provider()).isEqualTo(Credentials.Provider.SSM);
        assertThat(c.credentials().roleArn()).contains("arn:aws:iam::123456789012:role/HybridNodes");
        assertThat(c.remoteNodeNetworks()).containsExactly(Prefix.parse("192.168.100.0/23"));
        assertThat(c.cni().podsRoutable()).isFalse();
    }

    @Test
    void refusesWhatItCannotImport(@TempDir Path dir) throws Exception {
        Path notEksctl = dir.resolve("x.yaml");
        Files.writeString(notEksctl, "kind: Deployment\n");
        assertThatThrownBy(() -> new EksctlImport().convert(notEksctl)).hasMessageContaining("not an eksctl ClusterConfig");
        Path noHybrid = dir.resolve("y.yaml");
        Files.writeString(noHybrid, "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: a}\n");
        assertThatThrownBy(() -> new EksctlImport().convert(noHybrid)).hasMessageContaining("no remoteNetworkConfig");
        Path badCidr = dir.resolve("z.yaml");
        Files.writeString(badCidr, "kind: ClusterConfig\nremoteNetworkConfig:\n  remoteNodeNetworks:\n    - cidrs: [\"192.168.0.1\"]\n");
        assertThatThrownBy(() -> new EksctlImport().convert(badCidr)).hasMessageContaining("no prefix length").hasMessageContaining("z.yaml:4");
        assertThatThrownBy(() -> new EksctlImport().convert(dir.resolve("missing.yaml"))).hasMessageContaining("no such file");
    }
}
