package io.hybridctl.fleet.agent;

import io.hybridctl.fleet.security.Redactor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real executor: ProcessBuilder, merged output captured line by line, a hard timeout, secrets redacted. */
public final class ProcessExecutor implements Executor {

    private static final int MAX_LINES = 5000;

    @Override
    public Result run(List<String> argv, Duration timeout, Redactor redactor) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, false, List.of(redactor.redact("cannot start " + argv.get(0) + ": " + e.getMessage())));
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (lines.size() < MAX_LINES) {
                        lines.add(redactor.redact(line));
                    }
                }
            } catch (IOException ignored) {
                // The process went away; what was read is kept.
            }
        });
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(130, false, List.copyOf(lines));
        }
        List<String> out = new ArrayList<>(lines);
        if (!finished) {
            out.add("timed out after " + timeout.toSeconds() + " s; killed");
        }
        return new Result(finished ? p.exitValue() : 124, !finished, out);
    }
}
