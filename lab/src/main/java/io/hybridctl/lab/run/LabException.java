package io.hybridctl.lab.run;

/** A problem the user can act on (not root, a missing package, a dirty lab), with the CLI exit code to use. */
public final class LabException extends RuntimeException {

    private final int exitCode;

    public LabException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
