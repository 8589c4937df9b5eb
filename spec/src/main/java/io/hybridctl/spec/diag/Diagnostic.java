package io.hybridctl.spec.diag;

/**
 * One finding: a stable code, its severity, where it is (spec path and file position), what is wrong in one line,
 * and how to fix it.
 */
public record Diagnostic(String code, Severity severity, String path, Location location, String message, String hint) {

    public Diagnostic {
        if (code == null || severity == null || message == null) {
            throw new IllegalArgumentException("code, severity and message are required");
        }
        path = path == null ? "" : path;
        hint = hint == null ? "" : hint;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
