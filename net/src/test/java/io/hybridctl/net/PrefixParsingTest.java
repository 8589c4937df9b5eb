package io.hybridctl.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefixParsingTest {

    @Test
    void parsesCanonicalBlocks() throws Exception {
        Prefix p = Prefix.parse("192.168.200.0/24");
        assertThat(p.toString()).isEqualTo("192.168.200.0/24");
        assertThat(p.size()).isEqualTo(256);
        assertThat(p.last().toString()).isEqualTo("192.168.200.255");
    }

    @Test
    void refusesHostBitsAndNamesTheBlock() {
        assertThatThrownBy(() -> Prefix.parse("10.0.0.1/8")).hasMessageContaining("host bits").hasMessageContaining("10.0.0.0/8");
    }

    @Test
    void refusesMissingLengthWithASuggestion() {
        assertThatThrownBy(() -> Prefix.parse("192.168.0.1")).hasMessageContaining("no prefix length").hasMessageContaining("192.168.0.1/32");
    }

    @Test
    void refusesIpv6() {
        assertThatThrownBy(() -> Prefix.parse("fd00::/64")).hasMessageContaining("IPv6");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Prefix.parse("10.0.0.0/33")).isInstanceOf(AddressFormatException.class);
        assertThatThrownBy(() -> Prefix.parse("10.0.0/8")).isInstanceOf(AddressFormatException.class);
        assertThatThrownBy(() -> Prefix.parse("10.0.0.0/x")).isInstanceOf(AddressFormatException.class);
        assertThatThrownBy(() -> Prefix.parse("010.0.0.0/8")).isInstanceOf(AddressFormatException.class);
        assertThatThrownBy(() -> Prefix.parse("")).isInstanceOf(AddressFormatException.class);
    }

    @Test
    void parsesRanges() throws Exception {
        AddressRange r = AddressRange.parse("192.168.200.201-192.168.200.220");
        assertThat(r.size()).isEqualTo(20);
        assertThat(AddressRange.parse("10.0.0.0/30").size()).isEqualTo(4);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("starts after it ends");
    }

    @Test
    void rfc1918Membership() throws Exception {
        assertThat(Rfc1918.contains(Prefix.parse("172.31.0.0/16"))).isTrue();
        assertThat(Rfc1918.contains(Prefix.parse("172.32.0.0/16"))).isFalse();
        assertThat(Rfc1918.contains(Prefix.parse("192.16.32.0/23"))).isFalse();
        assertThat(Rfc1918.contains(Prefix.parse("10.0.0.0/7"))).isFalse();
    }
}
