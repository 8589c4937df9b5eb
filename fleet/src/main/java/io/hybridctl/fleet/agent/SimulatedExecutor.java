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

    /** Validations `nodeadm debug` prints, in its order (SSM flavour). */
    static final List<String> DEBUG_VALIDATIONS = List.of("Validating access to AWS SSM API endpoint",
            "Validating NTP synchronization status", "Validating swap configuration", "Validating ulimit configuration",
            "Validating authentication against AWS", "Validating proxy configuration on the hybrid node",
            "Validating access to Kubernetes API endpoint", "Validating unauthenticated request to Kubernetes API endpoint",
            "Validating authenticated request to Kubernetes API endpoint", "Validating Kubernetes identity matches a Node identity",
            "Validating kubelet server certificate", "Validating hybrid node network interface",
            "Validating active node status in Kubernetes cluster");

    @Override
    public Result run(List<String> argv, Duration timeout, Redactor redactor) {
        String verb = argv.size() > 1 ? argv.get(1) : argv.get(0);
        if (verb.equals("debug")) {
            return debug(argv, redactor);
        }
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

    /**
     * nodeadm debug's report. With failCommand "debug" the NTP validation fails; like the real tool's exit-0
     * failures elsewhere, the simulator then still exits 0, so the agent's output check is what catches it.
     */
    private Result debug(List<String> argv, Redactor redactor) {
        boolean fail = "debug".equals(failCommand);
        List<String> out = new java.util.ArrayList<>();
        out.add("[simulated] " + redactor.redact(String.join(" ", argv)));
        for (String v : DEBUG_VALIDATIONS) {
            boolean bad = fail && v.contains("NTP");
            out.add("* " + v + (bad ? " [Failed]" : " [Success]"));
            if (bad) {
                out.add("  └─ Error");
                out.add("     └─ chronyc: system clock is not synchronised");
                out.add("     └─ Remediation");
                out.add("        └─ Ensure the hybrid node is configured to synchronise time with an NTP source.");
            }
        }
        if (fail) {
            out.add("Issues found during validation. Please follow the remediation advice above.");
        }
        return new Result(0, false, out);
    }
}
