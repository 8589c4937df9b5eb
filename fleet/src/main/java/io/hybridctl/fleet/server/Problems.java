package io.hybridctl.fleet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.service.FleetException;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7807 problem+json responses. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://hybridctl.dev/problems/";

    private Problems() {
    }

    public static void write(Context ctx, ObjectMapper mapper, int status, String type, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", TYPE_BASE + type);
        p.put("title", title(status));
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", ctx.path());
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(mapper.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            ctx.status(status).contentType(CONTENT_TYPE).result("{\"status\":" + status + "}");
        }
    }

    /** The HTTP status of a domain error. */
    public static int status(FleetException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
