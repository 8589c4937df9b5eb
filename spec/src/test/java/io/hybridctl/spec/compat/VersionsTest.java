package io.hybridctl.spec.compat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionsTest {

    @Test
    void partsCompareAsNumbersByTheirLeadingDigits() {
        assertThat(Versions.compare("1.9", "1.10")).isNegative();
        assertThat(Versions.compare("1.31", "1.31.0")).isZero();
        assertThat(Versions.compare("22.04", "22.4")).isZero();
        assertThat(Versions.compare("1.18.3", "1.18.3-rc1")).isZero();
        assertThat(Versions.compare("1.18.10", "1.18.9-rc1")).isPositive();
        assertThat(Versions.compare("v1", "0")).isZero(); // no leading digits: 0
        assertThat(Versions.compare("1.٣", "1.0")).isZero(); // only ASCII digits count
        assertThat(Versions.compare("1.0000000000009", "1.0000000000001")).as("at most 12 digits are read").isZero();
        assertThat(Versions.minorLine("1.18.3")).isEqualTo("1.18");
    }
}
