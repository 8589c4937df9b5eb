package io.hybridctl.fleet.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hybridctl.fleet.api.ApiJson;
import io.hybridctl.fleet.api.Requests;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.stream.Collectors;

/** Request bodies at the HTTP edge: size, media type, strict binding and validation; every failure is a 4xx. */
final class RequestBodies {

    static final int MAX_BODY = ApiJson.MAX_BODY;

    private RequestBodies() {
    }

    /** Reads, binds and validates a request body; every failure is a 4xx ApiException. */
    static <T extends Requests.Validated> T body(Context ctx, ObjectMapper mapper, Class<T> type) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY) {
            throw new ApiException(413, "body-too-large", "request body is " + declared + " bytes; the limit is " + MAX_BODY);
        }
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported-media-type", "send the body as application/json");
        }
        byte[] bytes;
        try {
            bytes = ctx.req().getInputStream().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("request body could not be read");
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiException(413, "body-too-large", "request body exceeds " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("request body is empty; a JSON object is required");
        }
        T value;
        try {
            value = mapper.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(400, "unknown-field", "unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + "; known fields: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw new ApiException(400, "invalid-field", "field " + path(e) + " has the wrong type or value");
        } catch (MismatchedInputException e) {
            throw new ApiException(400, "invalid-field", "field " + path(e) + " has the wrong type" );
        } catch (JsonProcessingException e) {
            // The location, never the content: the body may hold a token.
            var loc = e.getLocation();
            throw new ApiException(400, "malformed-json", "malformed JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()));
        } catch (IOException e) {
            throw ApiException.badRequest("request body could not be read");
        }
        if (value == null) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        try {
            value.validate();
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "validation-failed", e.getMessage());
        }
        return value;
    }

    private static String path(MismatchedInputException e) {
        String p = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "(root)" : p.replace(".[", "[");
    }
}
