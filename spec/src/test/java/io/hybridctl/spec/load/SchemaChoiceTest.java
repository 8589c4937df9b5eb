package io.hybridctl.spec.load;

import io.hybridctl.spec.model.Cluster;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.Site;
import io.hybridctl.spec.schema.HybridClusterSchema;
import io.hybridctl.spec.schema.ObjectType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaChoiceTest {

    @Test
    void spellingsAndDefaultsAreTheSchemas() {
        SchemaChoice<Cluster.EndpointAccess> access = SchemaChoice.of(HybridClusterSchema.CLUSTER, "endpointAccess", Cluster.EndpointAccess.class);
        assertThat(access.of(Optional.of("publicAndPrivate"))).isEqualTo(Cluster.EndpointAccess.PUBLIC_AND_PRIVATE);
        assertThat(access.of(Optional.of("private"))).isEqualTo(Cluster.EndpointAccess.PRIVATE);
        assertThat(access.of(Optional.empty())).isEqualTo(Cluster.EndpointAccess.PUBLIC);
        SchemaChoice<Cluster.AuthenticationMode> mode = SchemaChoice.of(HybridClusterSchema.CLUSTER, "authenticationMode", Cluster.AuthenticationMode.class);
        assertThat(mode.of(Optional.of("CONFIG_MAP"))).isEqualTo(Cluster.AuthenticationMode.CONFIG_MAP);
        assertThat(mode.of(Optional.empty())).isEqualTo(Cluster.AuthenticationMode.API_AND_CONFIG_MAP);
        assertThat(SchemaChoice.of(HybridClusterSchema.LOAD_BALANCER, "type", Site.LoadBalancerType.class).of(Optional.of("ciliumLBIPAM")))
                .isEqualTo(Site.LoadBalancerType.CILIUM_LB_IPAM);
    }

    @Test
    void aMisspeltOrMissingRequiredValueFallsBackToTheFirstSpelling() {
        SchemaChoice<Host.Os> os = SchemaChoice.of(HybridClusterSchema.HOST, "os", Host.Os.class);
        assertThat(os.of(Optional.of("windows"))).isEqualTo(Host.Os.UBUNTU);
        assertThat(os.of(Optional.empty())).isEqualTo(Host.Os.UBUNTU);
    }

    @Test
    void aSchemaValueWithoutAModelConstantIsRefusedAtOnce() {
        enum Two { PUBLIC, PRIVATE }
        assertThatThrownBy(() -> SchemaChoice.of(HybridClusterSchema.CLUSTER, "endpointAccess", Two.class))
                .hasMessageContaining("publicAndPrivate");
        enum Four { PUBLIC, PRIVATE, PUBLIC_AND_PRIVATE, NEITHER }
        assertThatThrownBy(() -> SchemaChoice.of(HybridClusterSchema.CLUSTER, "endpointAccess", Four.class))
                .hasMessageContaining("NEITHER");
    }

    @Test
    void literalDefaultsAreReadFromTheSchema() {
        ObjectType bgp = HybridClusterSchema.BGP;
        assertThat(List.of(SchemaChoice.defaultOf(bgp, "asn"), SchemaChoice.defaultOf(bgp, "holdTimeSeconds")))
                .containsExactly("64512", "90");
    }
}
