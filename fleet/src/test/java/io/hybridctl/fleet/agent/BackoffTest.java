package io.hybridctl.fleet.agent;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Property
    void delaysStayBetweenHalfAndAllOfTheCappedExponential(@ForAll @IntRange(min = 1, max = 40) int attempts) {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));
        for (int i = 0; i < attempts; i++) {
            long ceiling = Math.min(30_000, 100L << Math.min(i, 20));
            long d = b.next().toMillis();
            assertThat(d).isBetween(ceiling / 2, ceiling);
        }
        b.reset();
        assertThat(b.next().toMillis()).isBetween(50L, 100L);
    }
}
