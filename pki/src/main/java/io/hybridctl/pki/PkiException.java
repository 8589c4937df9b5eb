package io.hybridctl.pki;

/**
 * A problem with the PKI directory or its inputs that the user can fix. Messages name files and fixes, and never carry
 * key material or passphrases, so callers may print them as they are.
 */
public final class PkiException extends Exception {

    /** How a command line should treat the problem: refuse (exit 1) or report unusable input (exit 2). */
    public enum Kind { REFUSED, BAD_INPUT }

    private final Kind kind;

    public PkiException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PkiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static PkiException refused(String message) {
        return new PkiException(Kind.REFUSED, message);
    }

    public static PkiException badInput(String message) {
        return new PkiException(Kind.BAD_INPUT, message);
    }
}
