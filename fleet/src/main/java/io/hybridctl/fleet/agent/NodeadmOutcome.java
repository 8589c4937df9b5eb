package io.hybridctl.fleet.agent;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a nodeadm run worked. The exit code is not enough: `nodeadm init` and `upgrade` log "Nodeadm
 * components are not installed" and exit 0 when the install tracker is missing (see docs/fleet.md).
 */
public final class NodeadmOutcome {

    private static final List<String> FAILURE_MARKERS = List.of(
            "Nodeadm components are not installed",
            "\"level\":\"fatal\"",
            "\"level\":\"error\"",
            "Validation failed",
            "must run as root",
            "Issues found during validation");

    private NodeadmOutcome() {
    }

    /** @return the failure reason, or empty when the command succeeded */
    public static Optional<String> failure(Executor.Result r) {
        if (r.timedOut()) {
            return Optional.of("timed out");
        }
        for (String line : r.output()) {
            for (String marker : FAILURE_MARKERS) {
                if (line.contains(marker)) {
                    return Optional.of((r.exitCode() == 0 ? "exit 0 but " : "exit " + r.exitCode() + ": ") + trim(line));
                }
            }
        }
        if (r.exitCode() != 0) {
            String last = r.output().isEmpty() ? "" : ": " + trim(r.output().get(r.output().size() - 1));
            return Optional.of("exit " + r.exitCode() + last);
        }
        return Optional.empty();
    }

    private static String trim(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
