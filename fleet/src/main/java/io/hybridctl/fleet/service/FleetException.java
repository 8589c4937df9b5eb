package io.hybridctl.fleet.service;

/**
 * A request the fleet cannot carry out, in the domain's terms: the server maps the kind to an HTTP status and the
 * type and message to problem+json; the UI shows the message. Messages never contain secrets.
 */
public final class FleetException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, UNAUTHENTICATED }

    private final Kind kind;
    private final String type;

    public FleetException(Kind kind, String type, String message) {
        super(message);
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, machine-readable name for the problem ("conflict", "key-mismatch", "drift", ...). */
    public String type() {
        return type;
    }

    public static FleetException invalid(String message) {
        return new FleetException(Kind.INVALID, "invalid-request", message);
    }

    public static FleetException notFound(String what) {
        return new FleetException(Kind.NOT_FOUND, "not-found", what + " not found");
    }

    public static FleetException conflict(String message) {
        return new FleetException(Kind.CONFLICT, "conflict", message);
    }
}
