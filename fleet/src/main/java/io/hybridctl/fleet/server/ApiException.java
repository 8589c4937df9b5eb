package io.hybridctl.fleet.server;

/** An error the API reports as RFC 7807 problem+json; messages never contain secrets. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String type;

    public ApiException(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** An agent's certificate whose key is no longer the host's registered key (reset and re-registered). */
    public static ApiException keyReplaced() {
        return new ApiException(401, "client-certificate-rejected", "this certificate's key is no longer the host's key; re-register");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "invalid-request", detail);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", what + " not found");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail);
    }
}
