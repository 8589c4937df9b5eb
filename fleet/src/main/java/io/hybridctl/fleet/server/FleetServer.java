package io.hybridctl.fleet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.bootstrap.LocalNodeCertificateIssuer;
import io.hybridctl.fleet.bootstrap.NodeCertificateIssuer;
import io.hybridctl.fleet.bootstrap.PkiNodeCertificateIssuer;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.fleet.bootstrap.NodeConfigRenderer;
import io.hybridctl.fleet.bootstrap.SpecNodeConfigRenderer;
import io.hybridctl.fleet.bootstrap.YamlNodeConfigRenderer;
import io.hybridctl.fleet.kube.NodeView;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.fleet.security.CertificateAuthority;
import io.hybridctl.fleet.security.Redactor;
import io.hybridctl.fleet.security.Secrets;
import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.service.HealthMonitor;
import io.hybridctl.fleet.service.Inventory;
import io.hybridctl.fleet.service.NodeStatusBoard;
import io.hybridctl.fleet.service.Operations;
import io.hybridctl.fleet.service.Registrar;
import io.hybridctl.fleet.store.Database;
import io.hybridctl.fleet.store.EventStore;
import io.hybridctl.fleet.store.HeartbeatWriter;
import io.hybridctl.fleet.store.HostStore;
import io.hybridctl.fleet.store.InventoryStore;
import io.hybridctl.fleet.store.Jdbc;
import io.hybridctl.fleet.store.OperationStore;
import io.hybridctl.fleet.store.TokenStore;
import io.hybridctl.fleet.ui.UiRoutes;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fleet server: one HTTPS port for the REST API, the agent protocol (mTLS, client certificates wanted, verified
 * against the agent CA), the UI and /metrics. Composition root: it builds the stores and services and wires routes.
 */
public final class FleetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetServer.class);

    private final Database db;
    private final Javalin app;
    private final ScheduledExecutorService sweeper;
    private final LeaderLock leader;
    private final CertificateAuthority agentCa;
    private final Optional<String> initialAdminToken;
    private final Fleet fleet;
    private final Operations operations;
    private final NodeView nodeView;
    private final HeartbeatWriter heartbeats;

    private FleetServer(Database db, Javalin app, ScheduledExecutorService sweeper, LeaderLock leader, CertificateAuthority agentCa,
                        Optional<String> initialAdminToken, Fleet fleet, Operations operations, NodeView nodeView,
                        HeartbeatWriter heartbeats) {
        this.db = db;
        this.app = app;
        this.sweeper = sweeper;
        this.leader = leader;
        this.agentCa = agentCa;
        this.initialAdminToken = initialAdminToken;
        this.fleet = fleet;
        this.operations = operations;
        this.nodeView = nodeView;
        this.heartbeats = heartbeats;
    }

    public static FleetServer start(ServerOptions opts) throws IOException {
        return start(opts, Clock.systemUTC(), new YamlNodeConfigRenderer());
    }

    /**
     * The pki directory's CA when one is given (one trust anchor for plan and fleet), else the server's own node CA.
     *
     * @throws IllegalArgumentException with a message for the operator when the pki CA cannot be opened
     */
    private static NodeCertificateIssuer nodeIssuer(ServerOptions opts, CertificateAuthority nodeCa, Clock clock) {
        if (opts.pki() == null) {
            return new LocalNodeCertificateIssuer(nodeCa);
        }
        try {
            Optional<Passphrase> passphrase = opts.pki().passphraseFile() != null
                    ? Optional.of(Passphrase.fromFile(opts.pki().passphraseFile()))
                    : Passphrase.fromEnvironment(System.getenv(), Passphrase.DEFAULT_VARIABLE);
            return PkiNodeCertificateIssuer.open(opts.pki().directory(), passphrase, clock);
        } catch (PkiException e) {
            throw new IllegalArgumentException("--pki-dir: " + e.getMessage(), e);
        }
    }

    public static FleetServer start(ServerOptions opts, Clock clock, NodeConfigRenderer renderer) throws IOException {
        Path dataDir = opts.dataDir().toAbsolutePath();
        if (!Files.isDirectory(dataDir)) {
            Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        CertificateAuthority agentCa = CertificateAuthority.openOrCreate(dataDir.resolve("agent-ca"), "hybridctl fleet agent CA");
        CertificateAuthority nodeCa = CertificateAuthority.openOrCreate(dataDir.resolve("node-ca"), "hybridctl fleet node CA");
        Database db = Database.open(opts.db(), dataDir, opts.dbPoolSize());
        ObjectMapper json = ApiJson.mapper();
        Jdbc jdbc = new Jdbc(db.dataSource(), db.postgres());
        EventStore events = new EventStore(jdbc);
        EventHub hub = new EventHub(events, clock);
        Fleet fleet = new Fleet(jdbc, new TokenStore(jdbc), new InventoryStore(jdbc, json), new HostStore(jdbc, json),
                new OperationStore(jdbc), events, hub, clock, opts.timing());
        Optional<String> firstToken = Optional.empty();
        if (fleet.tokens().apiTokenCount() == 0) {
            String token = Secrets.newToken(Secrets.ADMIN_PREFIX);
            fleet.tokens().createApiToken("initial-admin", Role.ADMIN, Secrets.hash(token), clock.millis());
            fleet.audit("server", "api-token.create", "initial-admin", "first start");
            firstToken = Optional.of(token);
        }
        NodeStatusBoard nodes = new NodeStatusBoard();
        Operations operations = new Operations(fleet, renderer, new SpecNodeConfigRenderer(dataDir), nodeIssuer(opts, nodeCa, clock));
        Registrar registrar = new Registrar(fleet, agentCa, operations);
        HeartbeatWriter heartbeats = new HeartbeatWriter(fleet.hosts(), HeartbeatWriter.intervalFor(opts.timing().heartbeat()));
        heartbeats.start();
        HealthMonitor health = new HealthMonitor(fleet, nodes, heartbeats);
        Inventory inventory = new Inventory(fleet, nodes);
        Authenticator auth = new Authenticator(fleet.tokens(), fleet.hosts(), agentCa);
        Metrics metrics = new Metrics(fleet.hosts(), fleet.operations(), hub, heartbeats);

        KeyPair serverKey = CertificateAuthority.newKeyPair();
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        names.addAll(opts.hostnames());
        X509Certificate serverCert = agentCa.issueServer(serverKey.getPublic(), names.get(names.size() - 1), names);

        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(TlsContexts.keyStore(serverKey.getPrivate(), serverCert, agentCa.certificate()));
        ssl.setKeyStorePassword(new String(TlsContexts.keyStorePassword()));
        ssl.setTrustStore(TlsContexts.trustStore(agentCa.certificate()));
        ssl.setWantClientAuth(true);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");

        Javalin app = Javalin.create(cfg -> {
            // Virtual threads for request handling only. Javalin's own useVirtualThreads would also put Jetty's
            // selector and acceptor loops on virtual threads, where their blocking select() pins the few carrier
            // threads (2 on this machine) and stalls every request; Jetty keeps those on platform threads this way.
            QueuedThreadPool threads = new QueuedThreadPool(64, 4, 60_000);
            threads.setName("fleet-http");
            threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fleet-request-", 0).factory()));
            cfg.jetty.threadPool = threads;
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = ApiJson.MAX_BODY;
            cfg.http.disableCompression();
            cfg.staticFiles.enableWebjars();
            cfg.jetty.addConnector((server, httpConfig) -> {
                HttpConfiguration https = new HttpConfiguration(httpConfig);
                SecureRequestCustomizer src = new SecureRequestCustomizer();
                // Agents and tests connect by IP; the certificate carries the IP SANs, so SNI matching adds nothing.
                src.setSniHostCheck(false);
                https.addCustomizer(src);
                https.setSendServerVersion(false);
                ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                c.setHost(opts.bindAddress());
                c.setPort(opts.port());
                c.setIdleTimeout(120_000);
                return c;
            });
        });
        Redactor redactor = Redactor.patternsOnly();
        app.before(ctx -> ctx.attribute("t0", System.nanoTime()));
        app.after(ctx -> {
            Long t0 = ctx.attribute("t0");
            String route = ctx.endpointHandlerPath();
            double secs = t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
            metrics.observe(ctx.method().name(), route, ctx.statusCode(), secs);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} {}ms", ctx.method(), redactor.redact(ctx.path()), ctx.statusCode(), (long) (secs * 1000));
            }
        });
        app.exception(ApiException.class, (e, ctx) -> Problems.write(ctx, json, e.status(), e.type(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> Problems.write(ctx, json, e.getStatus(), "http-" + e.getStatus(),
                e.getMessage() == null ? "request rejected" : e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> Problems.write(ctx, json, 400, "invalid-request", e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}: {}", ctx.method(), ctx.path(), redactor.redact(String.valueOf(e)));
            Problems.write(ctx, json, 500, "internal", "internal error; see the server log");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                Problems.write(ctx, json, 404, "not-found", "no such resource: " + ctx.method() + " " + ctx.path());
            }
        });
        app.error(405, ctx -> Problems.write(ctx, json, 405, "method-not-allowed", ctx.method() + " is not allowed on " + ctx.path()));

        String openapi = resource("/fleet/openapi.json");
        app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
        app.get("/api/v1/ca.pem", ctx -> ctx.contentType("application/x-pem-file").result(agentCa.certificatePem()));
        app.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

        String caFingerprint = CertificateAuthority.certFingerprint(agentCa.certificate());
        new AgentRoutes(json, auth, registrar, health, operations, (int) opts.timing().heartbeat().toSeconds()).register(app);
        String host = opts.bindAddress().contains(":") ? "[" + opts.bindAddress() + "]" : opts.bindAddress();
        java.util.function.Supplier<String> url = () -> "https://" + host + ":" + app.port();
        AdminRoutes admin = new AdminRoutes(json, auth, fleet, inventory, operations, nodes, url, caFingerprint);
        admin.register(app);
        admin.eventStream(app, hub);
        new UiRoutes(auth, fleet, inventory, operations, url, caFingerprint).register(app);
        app.start();

        operations.extendLeasesAfterRestart();
        NodeView nodeView = opts.kubeconfig() == null ? null : NodeView.start(opts.kubeconfig(), fleet, nodes, health);
        LeaderLock leader = new LeaderLock(db);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fleet-sweeper").daemon().factory());
        long period = Math.max(1, Math.min(5, opts.timing().heartbeat().toSeconds()));
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                if (nodeView != null) {
                    // Hosts learn their SSM mi- id only after bootstrap; re-map Nodes seen before that.
                    nodeView.resync();
                }
                if (leader.isLeader()) {
                    health.sweep();
                    operations.reapExpired();
                }
            } catch (RuntimeException e) {
                LOG.warn("sweep failed: {}", redactor.redact(String.valueOf(e)));
            }
        }, period, period, TimeUnit.SECONDS);
        if (db.postgres()) {
            // Other replicas may share the database: relay their events to this replica's live streams.
            hub.relay();
            sweeper.scheduleWithFixedDelay(() -> {
                try {
                    hub.relay();
                } catch (RuntimeException e) {
                    LOG.warn("event relay failed: {}", redactor.redact(String.valueOf(e)));
                }
            }, 500, 500, TimeUnit.MILLISECONDS);
        }
        LOG.info("fleet server listening on {} (database: {})", url.get(), db.postgres() ? "PostgreSQL" : "H2 in " + dataDir);
        return new FleetServer(db, app, sweeper, leader, agentCa, firstToken, fleet, operations, nodeView, heartbeats);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FleetServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "https://127.0.0.1:" + port();
    }

    public X509Certificate caCertificate() {
        return agentCa.certificate();
    }

    public String caFingerprint() {
        return CertificateAuthority.certFingerprint(agentCa.certificate());
    }

    /** The first admin token, present only on the start that created it. */
    public Optional<String> initialAdminToken() {
        return initialAdminToken;
    }

    public Fleet fleet() {
        return fleet;
    }

    public Operations operations() {
        return operations;
    }

    public HeartbeatWriter heartbeats() {
        return heartbeats;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        if (nodeView != null) {
            nodeView.close();
        }
        app.stop();
        heartbeats.close();
        leader.close();
        db.close();
    }
}
