package io.hybridctl.cli;

/** A problem the user can fix, reported as one line with its exit code and never with a stack trace. */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
