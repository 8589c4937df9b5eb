package io.hybridctl.spec.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

    @Test
    void suggestsTheNearestKnownName() {
        assertThat(Suggestions.nearest("podNetwork", List.of("nodeNetworks", "podNetworks", "hosts"))).contains("podNetworks");
        assertThat(Suggestions.nearest("endpointAcess", List.of("endpointAccess", "region"))).contains("endpointAccess");
        assertThat(Suggestions.nearest("ROUTER", List.of("router", "zone"))).contains("router");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggestions.nearest("status", List.of("nodeNetworks", "podNetworks"))).isEmpty();
    }
}
