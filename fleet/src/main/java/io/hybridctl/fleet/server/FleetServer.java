package io.hybridctl.fleet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.api.ApiJson;
import io.hybridctl.fleet.bootstrap.NodeCertificates;
import io.hybridctl.fleet.kube.NodeView;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.fleet.security.Redactor;
import io.hybridctl.fleet.security.Secrets;
import io.hybridctl.fleet.service.Designs;
import io.hybridctl.fleet.service.EventHub;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.service.FleetException;
import io.hybridctl.fleet.service.HealthMonitor;
import io.hybridctl.fleet.service.Inventory;
import io.hybridctl.fleet.service.NodeStatusBoard;
import io.hybridctl.fleet.service.Operations;
import io.hybridctl.fleet.service.Registrar;
import io.hybridctl.fleet.service.Views;
import io.hybridctl.fleet.store.Database;
import io.hybridctl.fleet.store.EventStore;
import io.hybridctl.fleet.store.HeartbeatWriter;
import io.hybridctl.fleet.store.HostStore;
import io.hybridctl.fleet.store.InventoryStore;
import io.hybridctl.fleet.store.Jdbc;
import io.hybridctl.fleet.store.OperationStore;
import io.hybridctl.fleet.store.TokenStore;
import io.hybridctl.fleet.ui.UiRoutes;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.Fingerprints;
import io.hybridctl.pki.ca.Passphrase;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.store.AtomicFiles;
import io.hybridctl.pki.store.CaFiles;
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
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The fleet server: one HTTPS port for the REST API, the agent protocol (mTLS, client certificates wanted, verified
 * against the agent CA), the UI and /metrics. Composition root: {@link #start} wires stores, services and routes;
 * {@link ServerTls} makes the TLS context and {@link Sweeper} runs the background work.
 */
public final class FleetServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetServer.class);

    /** Where the first start leaves the initial admin token (0600), instead of printing it into a log or journal. */
    public static final String INITIAL_TOKEN_FILE = "initial-admin-token";

    private final Database db;
    private final Javalin app;
    private final Sweeper sweeper;
    private final LeaderLock leader;
    private final X509Certificate agentCa;
    private final Optional<Path> initialAdminTokenFile;
    private final Fleet fleet;
    private final Operations operations;
    private final NodeView nodeView;
    private final HeartbeatWriter heartbeats;

    private FleetServer(Database db, Javalin app, Sweeper sweeper, LeaderLock leader, X509Certificate agentCa,
                        Optional<Path> initialAdminTokenFile, Fleet fleet, Operations operations, NodeView nodeView,
                        HeartbeatWriter heartbeats) {
        this.db = db;
        this.app = app;
        this.sweeper = sweeper;
        this.leader = leader;
        this.agentCa = agentCa;
        this.initialAdminTokenFile = initialAdminTokenFile;
        this.fleet = fleet;
        this.operations = operations;
        this.nodeView = nodeView;
        this.heartbeats = heartbeats;
    }

    public static FleetServer start(ServerOptions opts) throws IOException {
        return start(opts, Clock.systemUTC());
    }

    /**
     * IAM Roles Anywhere certificates come from the CA the cluster's spec names, or the --pki-dir override; the
     * passphrase is read only when a CA is first opened.
     */
    private static NodeCertificates nodeCertificates(ServerOptions opts, Clock clock) {
        ServerOptions.PkiSource pki = opts.pki();
        Supplier<Optional<Passphrase>> passphrase = () -> {
            try {
                return pki != null && pki.passphraseFile() != null ? Optional.of(Passphrase.fromFile(pki.passphraseFile()))
                        : Passphrase.fromEnvironment(System.getenv(), Passphrase.DEFAULT_VARIABLE);
            } catch (PkiException e) {
                throw new IllegalArgumentException("--pki-passphrase-file: " + e.getMessage(), e);
            }
        };
        return new NodeCertificates(Optional.ofNullable(pki).map(ServerOptions.PkiSource::directory), passphrase, clock);
    }

    public static FleetServer start(ServerOptions opts, Clock clock) throws IOException {
        Path dataDir = opts.dataDir().toAbsolutePath();
        if (!Files.isDirectory(dataDir)) {
            Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        CertificateAuthority agentCa;
        try {
            agentCa = CaFiles.openOrCreate(dataDir.resolve("agent-ca"), "hybridctl fleet agent CA", clock);
        } catch (PkiException e) {
            throw new IllegalArgumentException("the agent CA in " + dataDir.resolve("agent-ca") + ": " + e.getMessage(), e);
        }
        if (opts.pki() != null && opts.pki().directory() != null) {
            // Fail at start, not at the first bootstrap, when the override cannot be opened.
            try {
                CertificateAuthority.open(new io.hybridctl.spec.model.PkiLayout(opts.pki().directory()), nodeCertificatesPassphrase(opts));
            } catch (PkiException e) {
                throw new IllegalArgumentException("--pki-dir: " + e.getMessage(), e);
            }
        }
        Database db = Database.open(opts.db(), dataDir, opts.dbPoolSize());
        ObjectMapper json = ApiJson.mapper();
        Jdbc jdbc = new Jdbc(db.dataSource(), db.postgres());
        EventStore events = new EventStore(jdbc);
        EventHub hub = new EventHub(events, clock);
        Fleet fleet = new Fleet(jdbc, new TokenStore(jdbc), new InventoryStore(jdbc, json), new HostStore(jdbc, json),
                new OperationStore(jdbc), events, hub, clock, opts.timing());
        Optional<Path> firstTokenFile = Optional.empty();
        if (fleet.tokens().apiTokenCount() == 0) {
            String token = Secrets.newToken(Secrets.ADMIN_PREFIX);
            Path file = dataDir.resolve(INITIAL_TOKEN_FILE);
            AtomicFiles.writeSecret(file, token + "\n");
            fleet.tokens().createApiToken("initial-admin", Role.ADMIN, Secrets.hash(token), clock.millis());
            fleet.audit("server", "api-token.create", "initial-admin", "first start; token in " + file);
            firstTokenFile = Optional.of(file);
        }
        NodeStatusBoard nodes = new NodeStatusBoard();
        Designs designs = new Designs(fleet);
        Operations operations = new Operations(fleet, designs, nodeCertificates(opts, clock));
        Registrar registrar = new Registrar(fleet, agentCa, operations);
        HeartbeatWriter heartbeats = new HeartbeatWriter(fleet.hosts(), HeartbeatWriter.intervalFor(opts.timing().heartbeat()));
        heartbeats.start();
        HealthMonitor health = new HealthMonitor(fleet, nodes, heartbeats);
        Inventory inventory = new Inventory(fleet, nodes, designs);
        X509Certificate agentCaCert = PemCodec.x509(agentCa.certificate());
        Authenticator auth = new Authenticator(fleet.tokens(), fleet.hosts(), agentCaCert);
        Metrics metrics = new Metrics(fleet.hosts(), fleet.operations(), hub, heartbeats);

        Javalin app = http(opts, ServerTls.context(agentCa, opts.hostnames(), clock), json, metrics);
        String openapi = resource("/fleet/openapi.json");
        String caPem = agentCa.certificatePem();
        app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
        app.get("/api/v1/ca.pem", ctx -> ctx.contentType("application/x-pem-file").result(caPem));
        app.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

        String caFingerprint = Fingerprints.sha256(agentCa.certificate());
        new AgentRoutes(json, auth, registrar, health, operations, (int) opts.timing().heartbeat().toSeconds()).register(app);
        String host = opts.bindAddress().contains(":") ? "[" + opts.bindAddress() + "]" : opts.bindAddress();
        Supplier<String> url = () -> "https://" + host + ":" + app.port();
        Views views = new Views(fleet, designs, nodes);
        AdminRoutes admin = new AdminRoutes(json, auth, views, inventory, operations, registrar, url, caFingerprint, dataDir);
        admin.register(app);
        admin.eventStream(app, hub);
        new UiRoutes(auth, views, inventory, operations, registrar, nodes, url, caFingerprint).register(app);
        app.start();

        operations.extendLeasesAfterRestart();
        NodeView nodeView = opts.kubeconfig() == null ? null : NodeView.start(opts.kubeconfig(), fleet, nodes, health);
        LeaderLock leader = new LeaderLock(db);
        Sweeper sweeper = new Sweeper(opts.timing().heartbeat(), leader, health, operations, nodeView, hub, db.postgres());
        LOG.info("fleet server listening on {} (database: {})", url.get(), db.postgres() ? "PostgreSQL" : "H2 in " + dataDir);
        return new FleetServer(db, app, sweeper, leader, agentCaCert, firstTokenFile, fleet, operations, nodeView, heartbeats);
    }

    private static Optional<Passphrase> nodeCertificatesPassphrase(ServerOptions opts) throws PkiException {
        return opts.pki().passphraseFile() != null ? Optional.of(Passphrase.fromFile(opts.pki().passphraseFile()))
                : Passphrase.fromEnvironment(System.getenv(), Passphrase.DEFAULT_VARIABLE);
    }

    /** Javalin on Jetty with the HTTPS connector, metrics per request, and every error as problem+json. */
    private static Javalin http(ServerOptions opts, SslContextFactory.Server ssl, ObjectMapper json, Metrics metrics) {
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
        app.exception(FleetException.class, (e, ctx) -> Problems.write(ctx, json, Problems.status(e.kind()), e.type(), e.getMessage()));
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
        return app;
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
        return agentCa;
    }

    public String caFingerprint() {
        try {
            return Fingerprints.sha256(agentCa.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 0600 file holding the first admin token, present only on the start that created it. */
    public Optional<Path> initialAdminTokenFile() {
        return initialAdminTokenFile;
    }

    /** The first admin token (read from its file), present only on the start that created it. */
    public Optional<String> initialAdminToken() {
        return initialAdminTokenFile.map(f -> {
            try {
                return Files.readString(f).trim();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
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
        sweeper.close();
        if (nodeView != null) {
            nodeView.close();
        }
        app.stop();
        heartbeats.close();
        leader.close();
        db.close();
    }
}
