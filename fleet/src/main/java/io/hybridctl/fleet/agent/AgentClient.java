package io.hybridctl.fleet.agent;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTPS to the fleet server. Connection failures are IOExceptions; HTTP errors come back as responses. */
public final class AgentClient implements AutoCloseable {

    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String server;
    private final HttpClient http;
    private final ObjectMapper json;

    public AgentClient(String server, SSLContext tls, ObjectMapper json) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.json = json;
    }

    public Response post(String path, Object body) throws IOException {
        String payload = body == null ? "{}" : json.writeValueAsString(body);
        HttpRequest req = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        return send(req);
    }

    public Response get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private Response send(HttpRequest req) throws IOException {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public <T> T read(Response r, Class<T> type) throws IOException {
        return json.readValue(r.body(), type);
    }

    @Override
    public void close() {
        http.close();
    }
}
