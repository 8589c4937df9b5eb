package io.hybridctl.fleet.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so a fleet does not reconnect in step. */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private int attempt;

    public Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    public Duration next() {
        long cap = max.toMillis();
        long exp = base.toMillis() << Math.min(attempt, 20);
        attempt++;
        long delay = Math.min(cap, exp);
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
