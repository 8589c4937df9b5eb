package io.hybridctl.cli.pki;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsHoursDaysAndYears() {
        assertThat(converter.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(converter.convert("10y")).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"", "30", "d", "-1d", "1.5y", "30 days", "0d", "1w"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }
}
