package io.hybridctl.plan.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real AWS API emulator for tests: moto_server (pip moto 5.x) on a free loopback port, one per test class, stopped
 * by its PID. Fails with a clear message when moto_server is not installed, rather than skipping: the AWS tests are
 * required to run. Use it in try-with-resources or a static field closed in @AfterAll.
 */
public final class MotoServer implements AutoCloseable {

    /** Moto is slow to import on a loaded machine; this is a ceiling, not a sleep. */
    static final Duration STARTUP = Duration.ofSeconds(120);
    static final String ACCESS_KEY = "testing";
    static final String SECRET_KEY = "testing";

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    public static MotoServer start() {
        String exe = executable();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log;
            try {
                log = Files.createTempFile("moto-" + ProcessHandle.current().pid() + "-" + port + "-", ".log");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ProcessBuilder pb = new ProcessBuilder(exe, "-H", "127.0.0.1", "-p", Integer.toString(port));
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            // The emulator must never pick up real credentials or forward anything.
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            pb.environment().putAll(credentialsEnvironment());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new AssertionError("moto_server could not be started (" + e.getMessage() + "); install it with `pip install 'moto[server]>=5.2'`", e);
            }
            URI uri = URI.create("http://127.0.0.1:" + port);
            try {
                awaitAnswer(p, uri, log);
                return new MotoServer(p, uri, log);
            } catch (IOException e) {
                // Most likely the port was taken between probing and binding; try another.
                last = e;
                stop(p);
            }
        }
        throw new AssertionError("moto_server did not start after 3 attempts: " + last.getMessage());
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("moto_server is not on PATH; the AWS tests need it: `pip install 'moto[server]>=5.2'` (CI: .ci/setup.d/moto.sh)");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitAnswer(Process p, URI uri, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest probe = HttpRequest.newBuilder(uri.resolve("/moto-api/data.json")).timeout(Duration.ofSeconds(10)).GET().build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IOException("moto_server exited with " + p.exitValue() + ": " + tail(log));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for moto_server");
            }
            try {
                p.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for moto_server");
            }
        }
        throw new IOException("moto_server did not answer on " + uri + " within " + STARTUP.toSeconds() + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** http://127.0.0.1:PORT, checked by {@link LoopbackGuard}. */
    public URI endpoint() {
        return LoopbackGuard.requireLoopback(endpoint);
    }

    public long pid() {
        return process.pid();
    }

    /** Dummy credentials and a region for SDK clients and the AWS CLI; never real ones. */
    public static Map<String, String> credentialsEnvironment() {
        Map<String, String> env = new TreeMap<>();
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", "us-west-2");
        env.put("AWS_REGION", "us-west-2");
        return env;
    }

    /** Environment for an AWS CLI (or any SDK) process aimed at this emulator, with config files disabled. */
    public Map<String, String> cliEnvironment() {
        Map<String, String> env = credentialsEnvironment();
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /** Result of one AWS CLI run. */
    public record CliResult(int exitCode, String stdout, String stderr) {
    }

    /** Runs `aws --endpoint-url THIS ARGS...` (the AWS CLI, preinstalled) and returns what it printed. */
    public CliResult aws(String... args) {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint().toString(), "--output", "json"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(cliEnvironment());
        try {
            Path out = Files.createTempFile("aws-cli-", ".out");
            Path err = Files.createTempFile("aws-cli-", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    stop(p);
                    throw new AssertionError("aws " + String.join(" ", args) + " did not finish within 120 s");
                }
                return new CliResult(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("the AWS CLI could not be run (" + e.getMessage() + "); install it (`pip install awscli`)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Empties every emulated service, so a test class can start from nothing without a new process. */
    public void reset() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }

    /** By PID: the process we started and whatever it started, never by name. */
    private static void stop(Process p) {
        ProcessHandle h = p.toHandle();
        h.descendants().forEach(ProcessHandle::destroy);
        h.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
