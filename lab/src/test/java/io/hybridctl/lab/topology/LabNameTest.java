package io.hybridctl.lab.topology;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabNameTest {

    @Test
    void namespacesCarryTheLabPrefixAndOnlyTheirOwnLabOwnsThem() {
        LabName lab = new LabName("hybridlab");
        assertThat(lab.namespace("node-01", "p0")).isEqualTo("hl-hybridlab-node-01-p0");
        assertThat(lab.owns("hl-hybridlab-vpc")).isTrue();
        assertThat(lab.owns("hl-hybridlab2-vpc")).isFalse();
        assertThat(lab.owns("cni-1234")).isFalse();
    }

    @Test
    void rejectsNamesThatCouldEscapeTheFamilyPrefix() {
        assertThatThrownBy(() -> new LabName("a-b")).hasMessageContaining("lower-case letters or digits");
        assertThatThrownBy(() -> new LabName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabName("x".repeat(21))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void anyClusterNameGivesAValidLabName(@ForAll String clusterName) {
        LabName name = LabName.fromClusterName(clusterName);
        assertThat(name.value()).matches("[a-z0-9]{1,20}");
        assertThat(name.prefix()).startsWith(LabName.FAMILY_PREFIX).endsWith("-");
    }
}
