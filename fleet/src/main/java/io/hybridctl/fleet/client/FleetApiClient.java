package io.hybridctl.fleet.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.fleet.api.ApiJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** The admin API from the outside: bearer token, server CA pinned. Used by `hybridctl fleet` and the tests. */
public final class FleetApiClient implements AutoCloseable {

    /** A non-2xx answer; the message is the problem's detail (which never holds a secret). */
    public static final class ApiError extends Exception {
        private final int status;

        public ApiError(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String server;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = ApiJson.mapper();

    public FleetApiClient(String server, String token, X509Certificate serverCa) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.token = token;
        this.http = HttpClient.newBuilder().sslContext(TlsContexts.client(serverCa, null, null))
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public JsonNode get(String path) throws IOException, ApiError {
        return send(request(path).GET());
    }

    public JsonNode post(String path, Object body) throws IOException, ApiError {
        return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public JsonNode put(String path, Object body) throws IOException, ApiError {
        return send(request(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public JsonNode patch(String path, Object body) throws IOException, ApiError {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", publisher(body)));
    }

    public JsonNode delete(String path) throws IOException, ApiError {
        return send(request(path).DELETE());
    }

    /** Raw access for tests that need to send malformed bodies. */
    public HttpResponse<String> raw(HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpRequest.BodyPublisher publisher(Object body) throws IOException {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body));
    }

    private JsonNode send(HttpRequest.Builder b) throws IOException, ApiError {
        HttpResponse<String> r = raw(b);
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return r.body() == null || r.body().isEmpty() ? json.nullNode() : json.readTree(r.body());
        }
        String detail;
        try {
            detail = json.readTree(r.body()).path("detail").asText("HTTP " + r.statusCode());
        } catch (IOException e) {
            detail = "HTTP " + r.statusCode();
        }
        throw new ApiError(r.statusCode(), detail);
    }

    public ObjectMapper json() {
        return json;
    }

    @Override
    public void close() {
        http.close();
    }
}
