package io.hybridctl.fleet.agent;

import java.time.Duration;
import java.util.List;

/** Runs one command on the host. Output is returned already redacted. */
public interface Executor {

    record Result(int exitCode, boolean timedOut, List<String> output) {
        public Result {
            output = List.copyOf(output);
        }
    }

    Result run(List<String> argv, Duration timeout, io.hybridctl.fleet.security.Redactor redactor);
}
