package io.hybridctl.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.cli.Main;
import io.hybridctl.fleet.agent.Agent;
import io.hybridctl.fleet.agent.AgentOptions;
import io.hybridctl.fleet.server.FleetServer;
import io.hybridctl.fleet.server.ServerOptions;
import io.hybridctl.fleet.service.Fleet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IAM Roles Anywhere sequence of docs/fleet.md, command by command through the CLI (the server runs in this JVM,
 * as `hybridctl server` would, and three simulated agents stand in for the hosts): the certificates the agents end up
 * with pass `openssl verify` against the CA certificate plan put in the CloudFormation TrustAnchor. No command's
 * output carries the admin token.
 */
class FleetQuickstartTest {

    private static final List<String> HOSTS = List.of("east-01", "east-02", "east-03");

    record Run(int exit, String out, String err) {
    }

    private final List<Run> runs = new ArrayList<>();

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        Run r = new Run(code, out.toString(), err.toString());
        runs.add(r);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    @Test
    void theDocumentedIamRolesAnywhereSequence(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(System.getenv("XDG_CONFIG_HOME") == null && System.getenv("HYBRIDCTL_FLEET_CONFIG") == null
                && System.getenv("HYBRIDCTL_FLEET_SERVER") == null && System.getenv("HYBRIDCTL_FLEET_TOKEN") == null,
                "the client config location is steered by user.home here");
        Path repo = Path.of(System.getProperty("hybridctl.repo", ".."));
        Path spec = tmp.resolve("cluster.yaml");
        Files.writeString(spec, Files.readString(repo.resolve("examples/two-site-ira.yaml")).replace("file: two-site-ira-ca.pem", "pki: pki"));
        Path pass = Files.writeString(tmp.resolve("passphrase"), "a passphrase for the quickstart\n");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", tmp.resolve("home").toString());
        List<Agent> agents = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            cli("pki", "init", "-f", spec.toString(), "--passphrase-file", pass.toString());
            cli("plan", "-f", spec.toString(), "--out-dir", tmp.resolve("out").toString());
            ServerOptions options = ServerOptions.loopback(tmp.resolve("state"), null)
                    .withTiming(new Fleet.Timing(Duration.ofSeconds(1), Duration.ofSeconds(30))).withPki(new ServerOptions.PkiSource(null, pass));
            try (FleetServer server = FleetServer.start(options)) {
                Path tokenFile = server.initialAdminTokenFile().orElseThrow();
                String adminToken = Files.readString(tokenFile).trim();
                cli("fleet", "login", "--server", server.url(), "--ca-fingerprint", server.caFingerprint(), "--token-file", tokenFile.toString());
                cli("fleet", "import", "-f", spec.toString());
                cli("fleet", "iam-roles-anywhere-set", "hybrid-two-site",
                        "--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001",
                        "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/0a1b2c3d-0000-4000-8000-000000000002",
                        "--role-arn", "arn:aws:iam::111122223333:role/AmazonEKSHybridNodesRole");
                Run token = cli("fleet", "token-create", "--pool", "dc-east", "--max-uses", "3", "--ttl", "1h");
                String registration = token.out().lines().map(String::strip).filter(l -> l.startsWith("hfr_")).findFirst().orElseThrow();
                assertThat(token.out()).contains("--token-file").doesNotContain("--token " + registration);
                Path agentToken = Files.writeString(tmp.resolve("registration-token"), registration);
                for (String h : HOSTS) {
                    Path state = tmp.resolve("agent-" + h);
                    Agent a = new Agent(new AgentOptions(server.url(), Files.readString(agentToken).trim(), null, server.caFingerprint(), state,
                            state.resolve("root"), h, "m-" + h, true, Duration.ofMillis(50), null, 0, Duration.ofSeconds(2), null, null));
                    agents.add(a);
                    threads.add(Thread.ofVirtual().start(() -> {
                        try {
                            a.run();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                ObjectMapper json = new ObjectMapper();
                long deadline = System.currentTimeMillis() + 120_000;
                long ready = 0;
                while (System.currentTimeMillis() < deadline && ready < HOSTS.size()) {
                    JsonNode hosts = json.readTree(cli("fleet", "hosts", "-o", "json").out());
                    ready = Stream.of(hosts).flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
                            .filter(h -> h.path("state").asText().equals("READY")).count();
                    Thread.sleep(200);
                }
                assertThat(ready).as("hosts READY").isEqualTo(HOSTS.size());

                Path anchor = tmp.resolve("trust-anchor.pem");
                Files.writeString(anchor, trustAnchor(tmp.resolve("out")));
                for (String h : HOSTS) {
                    Path cert = tmp.resolve("agent-" + h + "/root/etc/iam/pki/server.pem");
                    Process p = new ProcessBuilder("openssl", "verify", "-CAfile", anchor.toString(), cert.toString()).redirectErrorStream(true).start();
                    String verdict = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    assertThat(p.waitFor()).as(verdict).isZero();
                    assertThat(verdict).isEqualTo(cert + ": OK");
                }
                for (Run r : runs) {
                    assertThat(r.out() + r.err()).doesNotContain(adminToken);
                }
            }
        } finally {
            agents.forEach(Agent::close);
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(5));
            }
            System.setProperty("user.home", home);
        }
    }

    /** The CA certificate plan wrote into the CloudFormation template's TrustAnchor (X509CertificateData). */
    private static String trustAnchor(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("cloudformation"))) {
            String cfn = Files.readString(files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElseThrow());
            int at = cfn.indexOf("-----BEGIN CERTIFICATE-----");
            int end = cfn.indexOf("-----END CERTIFICATE-----", at) + "-----END CERTIFICATE-----".length();
            assertThat(at).as("plan put a CA certificate in the template").isPositive();
            return String.join("\n", cfn.substring(at, end).lines().map(String::strip).toList()) + "\n";
        }
    }
}
