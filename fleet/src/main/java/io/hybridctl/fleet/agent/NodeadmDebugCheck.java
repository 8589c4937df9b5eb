package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.security.Redactor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's periodic `nodeadm debug` summary, reported as the heartbeat check "nodeadm-debug". nodeadm debug runs
 * about a dozen validations (credentials endpoint, NTP, swap, ulimits, proxy, Kubernetes API reachability and identity,
 * kubelet certificate, node IP, Node status) and prints `* <validation> [Success]` or `[Failed]` for each. Its exit
 * code is not trusted alone: a host is failed by any [Failed] line, by "Issues found during validation", by a fatal or
 * error log line, by a non-zero exit, by a time-out, and by output with no validation in it at all.
 *
 * It takes seconds (it calls AWS and the API server), so it runs in the background at most once per period and
 * heartbeats carry the newest result.
 */
final class NodeadmDebugCheck {

    static final String NAME = "nodeadm-debug";
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern RESULT = Pattern.compile("^\\s*(?:\\*\\s+)?(.+?)\\s+\\[(Success|Failed)]\\s*$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final int MAX_DETAIL = 1000;

    private final Executor executor;
    private final Redactor redactor;
    private final Duration period;
    private final AtomicReference<Requests.Check> latest = new AtomicReference<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile long lastStart = Long.MIN_VALUE;
    /** Bumped by {@link #forget()}, so a run that started before it cannot publish its result after it. */
    private final AtomicLong epoch = new AtomicLong();

    NodeadmDebugCheck(Executor executor, Redactor redactor, Duration period) {
        this.executor = executor;
        this.redactor = redactor;
        this.period = period;
    }

    /**
     * The newest result; starts a run in the background when the last one started a period ago or more.
     * Empty until the first run has finished.
     */
    Optional<Requests.Check> poll(Path nodeConfig) {
        long now = System.nanoTime();
        if ((lastStart == Long.MIN_VALUE || now - lastStart >= period.toNanos()) && inFlight.compareAndSet(false, true)) {
            lastStart = now;
            long startedIn = epoch.get();
            Thread.ofVirtual().name("nodeadm-debug").start(() -> {
                try {
                    Requests.Check result = run(nodeConfig);
                    if (epoch.get() == startedIn) {
                        latest.set(result);
                    }
                } finally {
                    inFlight.set(false);
                }
            });
        }
        return Optional.ofNullable(latest.get());
    }

    /** Drops the last result and makes the next poll start a run at once. */
    void forget() {
        epoch.incrementAndGet();
        latest.set(null);
        lastStart = Long.MIN_VALUE;
    }

    /** Runs nodeadm debug once, now, and judges it. */
    Requests.Check run(Path nodeConfig) {
        return judge(executor.run(List.of("nodeadm", "debug", "-c", "file://" + nodeConfig, "--no-color"), TIMEOUT, redactor));
    }

    /** Turns nodeadm debug's output into one check. Pure, so every output shape is tested directly. */
    static Requests.Check judge(Executor.Result r) {
        if (r.timedOut()) {
            return fail("nodeadm debug timed out after " + TIMEOUT.toSeconds() + " s");
        }
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        boolean issuesFound = false;
        for (String raw : r.output()) {
            String line = ANSI.matcher(raw).replaceAll("");
            Matcher m = RESULT.matcher(line);
            if (m.matches()) {
                (m.group(2).equals("Success") ? passed : failed).add(m.group(1).trim());
            }
            issuesFound |= line.contains("Issues found during validation");
        }
        int total = passed.size() + failed.size();
        if (!failed.isEmpty()) {
            return fail(failed.size() + " of " + total + " validations failed: " + String.join("; ", failed)
                    + (r.exitCode() == 0 ? " (nodeadm exited 0)" : ""));
        }
        if (issuesFound) {
            return fail("nodeadm debug reports issues found during validation (exit " + r.exitCode() + ")");
        }
        Optional<String> logged = NodeadmOutcome.failure(r);
        if (logged.isPresent()) {
            return fail("nodeadm debug: " + logged.get());
        }
        if (total == 0) {
            return fail("nodeadm debug printed no validation results (exit " + r.exitCode() + ")");
        }
        return new Requests.Check(NAME, true, total + " validations passed");
    }

    private static Requests.Check fail(String detail) {
        return new Requests.Check(NAME, false, detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail);
    }
}
