package io.hybridctl.cli.aws;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C during apply: CloudFormation and EKS carry on without us, so the shutdown hook says what is still running and
 * how to watch it, instead of leaving a change set executing unseen.
 */
final class InFlight implements AutoCloseable {

    private final AtomicReference<String> running = new AtomicReference<>();
    private final PrintWriter err;
    private final Thread hook;

    InFlight(PrintWriter err) {
        this.err = err;
        this.hook = new Thread(this::interrupted, "hybridctl-apply-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void set(Optional<String> what) {
        running.set(what.orElse(null));
    }

    /** What the hook prints now, if anything runs. */
    Optional<String> message() {
        String r = running.get();
        return r == null ? Optional.empty() : Optional.of("hybridctl: interrupted; " + r);
    }

    private void interrupted() {
        message().ifPresent(m -> {
            err.println(m);
            err.flush();
        });
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }
}
