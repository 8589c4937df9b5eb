package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.security.Redactor;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Pretends to run nodeadm: sleeps for a configured time and prints plausible output. A configured failure of
 * nodeadm init reproduces nodeadm's real exit-0 failure, so the outcome checks are exercised by every demo.
 *
 * @param failCommand a command word ("install", "init", ...) that fails, or null
 * @param failRate    probability in [0,1] that any command fails
 */
public record SimulatedExecutor(Duration stepDuration, String failCommand, double failRate, long seed) implements Executor {

    @Override
    public Result run(List<String> argv, Duration timeout, Redactor redactor) {
        String verb = argv.size() > 1 ? argv.get(1) : argv.get(0);
        try {
            Thread.sleep(stepDuration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, false, List.of("interrupted"));
        }
        boolean fail = verb.equals(failCommand) || (failRate > 0 && new Random(seed ^ argv.hashCode() ^ System.nanoTime()).nextDouble() < failRate);
        String cmd = redactor.redact(String.join(" ", argv));
        if (fail && verb.equals("init")) {
            return new Result(0, false, List.of("[simulated] " + cmd,
                    "{\"level\":\"info\",\"msg\":\"Nodeadm components are not installed. Please run `nodeadm install` before running init\"}"));
        }
        if (fail) {
            return new Result(1, false, List.of("[simulated] " + cmd, "{\"level\":\"fatal\",\"msg\":\"simulated failure of " + verb + "\"}"));
        }
        return new Result(0, false, List.of("[simulated] " + cmd, "{\"level\":\"info\",\"msg\":\"" + verb + " completed\"}"));
    }
}
