package io.hybridctl.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.pki.ca.TlsKeys;
import io.hybridctl.fleet.TestPem;
import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.fleet.api.ApiJson;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/fleet-load: N simulated agents on virtual threads in one JVM. Each makes its own key, registers with a CSR,
 * then, like the real agent, at once heartbeats over its own keep-alive mTLS connection, every interval. Latency is
 * measured for DURATION seconds from the moment the whole fleet is registered. A minimal HTTP/1.1 client over SSLSocket
 * keeps one connection per agent without one HttpClient (and its selector thread) per agent.
 *
 * Args: server-url ca-file token agents interval-seconds duration-seconds
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        X509Certificate ca = TestPem.certificate(Files.readString(Path.of(args[1])));
        String token = args[2];
        int agents = Integer.parseInt(args[3]);
        Duration interval = Duration.ofSeconds(Long.parseLong(args[4]));
        Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));

        long[] samples = new long[(int) (agents * (duration.toSeconds() / interval.toSeconds() + 2))];
        long[] sampleStarts = new long[samples.length];
        AtomicInteger sampleCount = new AtomicInteger();
        long[] connects = new long[agents * 4];
        AtomicInteger connectCount = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong registerErrors = new AtomicLong();
        Semaphore registering = new Semaphore(64);
        CountDownLatch registered = new CountDownLatch(agents);
        CountDownLatch finished = new CountDownLatch(agents);
        AtomicLong startAt = new AtomicLong(NOT_STARTED);
        long[] warmup = new long[agents * 64];
        AtomicInteger warmupCount = new AtomicInteger();
        AtomicLong warmupErrors = new AtomicLong();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                Connection conn = null;
                try {
                    KeyPair kp = TlsKeys.newKeyPair();
                    String name = String.format(Locale.ROOT, "load-%05d", n);
                    HostFacts facts = new HostFacts(name, "machine-" + name, "ubuntu", "22.04", "6.8.0", "amd64", 8, 32L << 30,
                            List.of(new HostFacts.Disk("sda", 500L << 30)),
                            List.of(new HostFacts.NetInterface("eth0", "02:00:00:00:00:01", List.of("10.80.0." + (n % 250 + 1)))));
                    String csr = TlsKeys.csrPem(kp, name);
                    JsonNode reg = null;
                    registering.acquire();
                    try {
                        for (int attempt = 0; attempt < 5 && reg == null; attempt++) {
                            try (Connection anon = new Connection(server, TlsContexts.client(ca, null, null))) {
                                Response r = anon.post("/api/v1/agent/register", JSON.writeValueAsBytes(Map.of("token", token, "csr", csr, "facts", facts)));
                                if (r.status == 201) {
                                    reg = JSON.readTree(r.body);
                                }
                            } catch (IOException e) {
                                Thread.sleep(200);
                            }
                        }
                    } finally {
                        registering.release();
                    }
                    registered.countDown();
                    if (reg == null) {
                        registerErrors.incrementAndGet();
                        return;
                    }
                    // Like the real agent: heartbeat over mTLS as soon as registered. The measured window starts when the
                    // whole fleet is registered; heartbeats before it are warm-up, reported apart.
                    SSLContext mtls = TlsContexts.client(ca, kp.getPrivate(), TestPem.certificate(reg.path("certificate").asText()));
                    byte[] body = JSON.writeValueAsBytes(new Requests.Heartbeat(facts, List.of(new Requests.Check("disk", true, "ok")), null));
                    while (true) {
                        long s = System.nanoTime();
                        long start = startAt.get();
                        boolean measuring = start != NOT_STARTED && s >= start;
                        if (measuring && s >= start + duration.toNanos()) {
                            break;
                        }
                        boolean fresh = conn == null;
                        try {
                            if (fresh) {
                                conn = new Connection(server, mtls);
                            }
                            Response r = conn.post("/api/v1/agent/heartbeat", body);
                            if (r.status != 200) {
                                (measuring ? errors : warmupErrors).incrementAndGet();
                            }
                        } catch (IOException e) {
                            (measuring ? errors : warmupErrors).incrementAndGet();
                            if (conn != null) {
                                conn.close();
                            }
                            conn = null;
                        }
                        long took = System.nanoTime() - s;
                        // A heartbeat that had to open the mTLS connection first is counted apart: agents keep
                        // their connection, so this happens once per agent (and after each reconnect).
                        if (fresh) {
                            int idx = connectCount.getAndIncrement();
                            if (idx < connects.length) {
                                connects[idx] = took;
                            }
                        } else if (measuring) {
                            int idx = sampleCount.getAndIncrement();
                            if (idx < samples.length) {
                                samples[idx] = took;
                                sampleStarts[idx] = s - start;
                            }
                        } else {
                            int idx = warmupCount.getAndIncrement();
                            if (idx < warmup.length) {
                                warmup[idx] = took;
                            }
                        }
                        long sleep = interval.toNanos() - took;
                        if (sleep > 0) {
                            Thread.sleep(Duration.ofNanos(sleep));
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    if (conn != null) {
                        conn.close();
                    }
                    finished.countDown();
                }
            }));
        }
        registered.await();
        long regSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
        startAt.set(System.nanoTime());
        long cpuAtStart = processCpuNanos();
        System.out.printf("registered %d agents in %d s (%d failed registrations)%n", agents, regSeconds, registerErrors.get());
        long[] w = Arrays.copyOf(warmup, Math.min(warmupCount.get(), warmup.length));
        Arrays.sort(w);
        System.out.printf("warm-up heartbeats while the fleet registered %d  errors %d  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", w.length,
                warmupErrors.get(), pct(w, 0.50), pct(w, 0.99), w.length == 0 ? 0 : w[w.length - 1] / 1e6);
        finished.await();
        double window = (System.nanoTime() - startAt.get()) / 1e9;
        double cpu = (processCpuNanos() - cpuAtStart) / 1e9;
        System.out.printf("load generator in the measured window: CPU %.1f s over %.0f s (%.2f cores)%n", cpu, window, cpu / window);
        int n = Math.min(sampleCount.get(), samples.length);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        System.out.printf("heartbeats on open connections %d  errors %d  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n", n,
                errors.get(), pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        timeline(samples, sampleStarts, n, 30);
        long[] c = Arrays.copyOf(connects, Math.min(connectCount.get(), connects.length));
        Arrays.sort(c);
        System.out.printf("heartbeats opening a connection (TLS handshake) %d  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", c.length,
                pct(c, 0.50), pct(c, 0.99), c.length == 0 ? 0 : c[c.length - 1] / 1e6);
    }

    /** Latency by window of the run: shows whether it drifts (a growing queue) or spikes (GC, other load). */
    private static void timeline(long[] samples, long[] starts, int n, int windowSeconds) {
        long window = windowSeconds * 1_000_000_000L;
        int windows = 0;
        for (int i = 0; i < n; i++) {
            windows = Math.max(windows, (int) (starts[i] / window) + 1);
        }
        StringBuilder out = new StringBuilder("timeline (heartbeats started in each " + windowSeconds + " s window: count, p50, p99, max ms):");
        for (int w = 0; w < windows; w++) {
            long[] in = new long[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (starts[i] / window == w) {
                    in[k++] = samples[i];
                }
            }
            long[] sorted = Arrays.copyOf(in, k);
            Arrays.sort(sorted);
            out.append(String.format(Locale.ROOT, "%n  %4d-%4d s  %6d  %8.1f  %8.1f  %8.1f", w * windowSeconds, (w + 1) * windowSeconds, k,
                    pct(sorted, 0.5), pct(sorted, 0.99), k == 0 ? 0 : sorted[k - 1] / 1e6));
        }
        System.out.println(out);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private record Response(int status, byte[] body) {
    }

    private static final class Map {
        static java.util.Map<String, Object> of(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put(k1, v1);
            m.put(k2, v2);
            m.put(k3, v3);
            return m;
        }
    }

    /** One keep-alive HTTP/1.1 connection over TLS: requests with Content-Length, responses with length or chunked. */
    private static final class Connection implements AutoCloseable {
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;

        Connection(URI server, SSLContext ctx) throws IOException {
            socket = (SSLSocket) ctx.getSocketFactory().createSocket(server.getHost(), server.getPort());
            var params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            socket.startHandshake();
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            host = server.getHost() + ":" + server.getPort();
        }

        Response post(String path, byte[] body) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            // One write, one TLS record: split writes meet Nagle + delayed ACK and add ~40 ms.
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            out.write(all);
            out.flush();
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("bad status line " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if (chunked) {
                while (true) {
                    int size = Integer.parseInt(line().trim(), 16);
                    if (size == 0) {
                        line();
                        break;
                    }
                    b.write(in.readNBytes(size));
                    line();
                }
            } else if (length > 0) {
                b.write(in.readNBytes(length));
            }
            return new Response(code, b.toByteArray());
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = s.length();
                    return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                }
                s.append((char) c);
            }
            if (s.length() == 0) {
                throw new IOException("connection closed");
            }
            return s.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a dead connection.
            }
        }
    }
}
