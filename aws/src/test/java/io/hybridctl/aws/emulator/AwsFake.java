package io.hybridctl.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hybridctl.plan.emulator.LoopbackGuard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The AWS endpoint tests point the SDK at: one loopback HTTP server that answers what moto cannot (IAM Roles Anywhere's
 * CRL calls and SSM's CreateActivation / DescribeInstanceInformation, in the request and response shapes of the SDK's
 * service models, with the models' constraints checked) and forwards everything else to moto_server. Faults are
 * injected here, at the HTTP boundary: a canned answer for the next N calls of an operation, or moto's answer rewritten.
 */
public final class AwsFake implements AutoCloseable {

    /** An HTTP answer. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        public static Answer xml(int status, String body) {
            return new Answer(status, "text/xml", body);
        }
    }

    /** One request the fake itself answered (SSM and IAM Roles Anywhere), for assertions. */
    public record Received(String operation, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, List<Answer>> canned = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<String>> rewrites = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> crls = new LinkedHashMap<>();
    private final List<ObjectNode> managedInstances = Collections.synchronizedList(new ArrayList<>());

    private AwsFake(URI upstream) throws IOException {
        this.upstream = LoopbackGuard.requireLoopback(upstream);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the fake in front of {@code moto} (its endpoint). */
    public static AwsFake inFrontOf(URI moto) {
        try {
            return new AwsFake(moto);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls of {@code operation} get {@code answer} instead of moto's. */
    public void inject(String operation, int times, Answer answer) {
        canned.computeIfAbsent(operation, k -> Collections.synchronizedList(new ArrayList<>()));
        for (int i = 0; i < times; i++) {
            canned.get(operation).add(answer);
        }
    }

    /** moto's answers to {@code operation} pass through {@code rewrite} until {@link #reset()}. */
    public void rewrite(String operation, UnaryOperator<String> rewrite) {
        rewrites.put(operation, rewrite);
    }

    /** Forgets injected faults, counts, received requests, CRLs and managed instances (moto keeps its own state). */
    public void reset() {
        canned.clear();
        rewrites.clear();
        counts.clear();
        received.clear();
        synchronized (crls) {
            crls.clear();
        }
        managedInstances.clear();
    }

    /** How many times an operation reached this server (injected answers included). */
    public int count(String operation) {
        return counts.getOrDefault(operation, 0);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** A hybrid node registered with SSM, for DescribeInstanceInformation. */
    public void registerManagedInstance(String id, String computerName, String ip) {
        managedInstances.add(JSON.createObjectNode().put("InstanceId", id).put("ComputerName", computerName).put("IPAddress", ip)
                .put("ResourceType", "ManagedInstance").put("PingStatus", "Online"));
    }

    public Map<String, ObjectNode> crls() {
        synchronized (crls) {
            return Map.copyOf(crls);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String op = operation(ex, body);
            counts.merge(op, 1, Integer::sum);
            List<Answer> queue = canned.get(op);
            Answer injected = null;
            if (queue != null) {
                synchronized (queue) {
                    if (!queue.isEmpty()) {
                        injected = queue.remove(0);
                    }
                }
            }
            Answer a;
            if (injected != null) {
                a = injected;
            } else if (op.startsWith("ssm:") || op.startsWith("rolesanywhere:")) {
                a = answerOwn(op, ex, body);
            } else {
                a = forward(ex, body);
                if (op.equals("ExecuteChangeSet") && a.status() == 200) {
                    refreshOutputs(ex, body);
                }
                UnaryOperator<String> rw = rewrites.get(op);
                if (rw != null) {
                    a = new Answer(a.status(), a.contentType(), rw.apply(a.body()), a.headers());
                }
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        } catch (RuntimeException | InterruptedException e) {
            // a broken fake must fail the test loudly, not hang it
            byte[] out = ("{\"__type\":\"InternalFailure\",\"message\":\"fake: " + e + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, out.length);
            ex.getResponseBody().write(out);
        }
    }

    /** "cloudformation:DescribeStacks"-like names are not needed: operation names are unique across the services used. */
    static String operation(HttpExchange ex, byte[] body) {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            String op = target.substring(target.indexOf('.') + 1);
            return target.startsWith("AmazonSSM.") ? "ssm:" + op : op;
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/crls")) {
            return method.equals("GET") ? "rolesanywhere:ListCrls" : "rolesanywhere:ImportCrl";
        }
        if (path.startsWith("/crl/")) {
            return method.equals("PATCH") ? "rolesanywhere:UpdateCrl" : "rolesanywhere:" + method + "Crl";
        }
        if (path.matches("/clusters/[^/]+/update-config")) {
            return "UpdateClusterConfig";
        }
        if (path.matches("/clusters/[^/]+/updates/[^/]+")) {
            return "DescribeUpdate";
        }
        if (path.matches("/clusters/[^/]+") && method.equals("GET")) {
            return "DescribeCluster";
        }
        if (path.equals("/clusters")) {
            return method.equals("POST") ? "CreateCluster" : "ListClusters";
        }
        String form = new String(body, StandardCharsets.UTF_8);
        for (String kv : form.split("&")) {
            if (kv.startsWith("Action=")) {
                return URLDecoder.decode(kv.substring(7), StandardCharsets.UTF_8);
            }
        }
        return method + " " + path;
    }

    private Answer forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
        URI target = upstream.resolve(ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(120))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, vs) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                vs.forEach(v -> b.header(k, v));
            }
        });
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("text/xml"), r.body());
    }

    /**
     * moto 5.2 computes a stack's outputs on CreateStack and UpdateStack but not on ExecuteChangeSet
     * (cloudformation/models.py execute_change_set never rebuilds output_map), so a stack made from a change set has
     * none. An UpdateStack with the previous template changes nothing and makes moto compute them; real CloudFormation
     * needs no such step. Its UPDATE events show in the stack's history.
     */
    private void refreshOutputs(HttpExchange ex, byte[] executeBody) throws IOException, InterruptedException {
        String stack = null;
        for (String kv : new String(executeBody, StandardCharsets.UTF_8).split("&")) {
            if (kv.startsWith("StackName=")) {
                stack = URLDecoder.decode(kv.substring("StackName=".length()), StandardCharsets.UTF_8);
            }
        }
        if (stack == null) {
            return;
        }
        String form = "Action=UpdateStack&Version=2010-05-15&UsePreviousTemplate=true&Capabilities.member.1=CAPABILITY_NAMED_IAM&StackName="
                + java.net.URLEncoder.encode(stack, StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve("/")).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(form)).header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        // moto reads the region from the credential scope of the Authorization header.
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        http.send(b.build(), HttpResponse.BodyHandlers.discarding());
    }

    private Answer answerOwn(String op, HttpExchange ex, byte[] raw) {
        JsonNode in;
        try {
            in = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
            return ssmError("SerializationException", "request is not JSON");
        }
        received.add(new Received(op, in));
        return switch (op) {
            case "ssm:CreateActivation" -> createActivation(in);
            case "ssm:DescribeInstanceInformation" -> describeInstances();
            case "rolesanywhere:ImportCrl" -> importCrl(in);
            case "rolesanywhere:ListCrls" -> listCrls();
            case "rolesanywhere:UpdateCrl" -> updateCrl(ex.getRequestURI().getPath().substring("/crl/".length()), in);
            default -> new Answer(404, "application/json", "{\"message\":\"fake: " + op + " is not emulated\"}");
        };
    }

    /** SSM CreateActivation: IamRole required; RegistrationLimit 1..1000; ExpirationDate at most 30 days ahead; tags at most 1000. */
    private Answer createActivation(JsonNode in) {
        if (!in.path("IamRole").isTextual() || in.get("IamRole").asText().isBlank()) {
            return ssmError("ValidationException", "1 validation error detected: Value null at 'iamRole' failed to satisfy constraint: Member must not be null");
        }
        int limit = in.path("RegistrationLimit").asInt(1);
        if (limit < 1 || limit > 1000) {
            return ssmError("ValidationException", "RegistrationLimit must be between 1 and 1000");
        }
        if (in.has("ExpirationDate")) {
            double epoch = in.get("ExpirationDate").asDouble();
            if (Instant.ofEpochMilli((long) (epoch * 1000)).isAfter(Instant.now().plus(Duration.ofDays(30)))) {
                return ssmError("InvalidParameters", "ExpirationDate must be within 30 days");
            }
        }
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        ObjectNode out = JSON.createObjectNode().put("ActivationId", UUID.randomUUID().toString()).put("ActivationCode", code);
        return new Answer(200, "application/x-amz-json-1.1", out.toString());
    }

    private Answer describeInstances() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("InstanceInformationList");
        synchronized (managedInstances) {
            managedInstances.forEach(list::add);
        }
        return new Answer(200, "application/x-amz-json-1.1", out.toString());
    }

    private static Answer ssmError(String type, String message) {
        return new Answer(400, "application/x-amz-json-1.1", JSON.createObjectNode().put("__type", type).put("message", message).toString());
    }

    /** ImportCrl: name (1-255), crlData (blob), trustAnchorArn required. */
    private Answer importCrl(JsonNode in) {
        for (String f : List.of("name", "crlData", "trustAnchorArn")) {
            if (!in.path(f).isTextual() || in.get(f).asText().isEmpty()) {
                return raError(400, "ValidationException", f + " is required");
            }
        }
        String id = UUID.randomUUID().toString();
        ObjectNode crl = JSON.createObjectNode().put("crlId", id).put("crlArn", "arn:aws:rolesanywhere:us-west-2:123456789012:crl/" + id)
                .put("name", in.get("name").asText()).put("trustAnchorArn", in.get("trustAnchorArn").asText())
                .put("enabled", in.path("enabled").asBoolean(false)).put("crlData", in.get("crlData").asText());
        synchronized (crls) {
            crls.put(id, crl);
        }
        return new Answer(201, "application/json", JSON.createObjectNode().set("crl", crl).toString());
    }

    private Answer listCrls() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("crls");
        synchronized (crls) {
            crls.values().forEach(list::add);
        }
        return new Answer(200, "application/json", out.toString());
    }

    private Answer updateCrl(String id, JsonNode in) {
        synchronized (crls) {
            ObjectNode crl = crls.get(id);
            if (crl == null) {
                return raError(404, "ResourceNotFoundException", "no CRL " + id);
            }
            if (in.path("crlData").isTextual()) {
                crl.put("crlData", in.get("crlData").asText());
            }
            return new Answer(200, "application/json", JSON.createObjectNode().set("crl", crl).toString());
        }
    }

    private static Answer raError(int status, String type, String message) {
        return new Answer(status, "application/json", JSON.createObjectNode().put("message", message).toString(), Map.of("x-amzn-ErrorType", type));
    }

    /** A query-protocol (CloudFormation, IAM, STS) error. */
    public static Answer queryError(int status, String code, String message) {
        return Answer.xml(status, "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    /** An EC2-protocol error. */
    public static Answer ec2Error(int status, String code, String message) {
        return Answer.xml(status, "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error></Errors><RequestID>"
                + UUID.randomUUID() + "</RequestID></Response>");
    }

    /** A REST-JSON (EKS) error. */
    public static Answer restError(int status, String type, String message) {
        return new Answer(status, "application/json", JSON.createObjectNode().put("message", message).toString(), Map.of("x-amzn-ErrorType", type));
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
