package io.hybridctl.plan.consumers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Kubernetes API server on loopback that knows the core v1 resources and holds no objects: what a chart's lookup
 * sees on a fresh cluster (an empty result). helm-java's template runs lookups against a cluster, unlike
 * `helm template`, so the rendering test gives it this one through $KUBECONFIG (plan's surefire configuration).
 */
final class EmptyKubeApi implements AutoCloseable {

    private static final String RESOURCES = "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"v1\",\"resources\":["
            + resource("secrets", "Secret") + "," + resource("configmaps", "ConfigMap") + "," + resource("services", "Service") + "]}";

    private final HttpServer server;

    private EmptyKubeApi(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port and writes the kubeconfig $KUBECONFIG names. */
    static EmptyKubeApi start() throws IOException {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw new AssertionError("KUBECONFIG is not set: run through Maven, whose surefire configuration for plan sets it");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", EmptyKubeApi::answer);
        server.start();
        Path file = Path.of(kubeconfig);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n- name: empty\n  cluster:\n    server: http://127.0.0.1:"
                + server.getAddress().getPort() + "\ncontexts:\n- name: empty\n  context:\n    cluster: empty\n    user: nobody\n"
                + "current-context: empty\nusers:\n- name: nobody\n  user: {}\n");
        return new EmptyKubeApi(server);
    }

    private static String resource(String plural, String kind) {
        return "{\"name\":\"" + plural + "\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"" + kind + "\",\"verbs\":[\"get\",\"list\"]}";
    }

    private static void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        int status = 200;
        String body;
        if (path.equals("/api")) {
            body = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}";
        } else if (path.equals("/api/v1")) {
            body = RESOURCES;
        } else if (path.equals("/apis")) {
            body = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}";
        } else {
            status = 404;
            body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"not found\",\"reason\":\"NotFound\",\"code\":404}";
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
