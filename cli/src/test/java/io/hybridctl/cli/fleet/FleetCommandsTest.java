package io.hybridctl.cli.fleet;

import io.hybridctl.cli.Main;
import io.hybridctl.fleet.server.FleetServer;
import io.hybridctl.fleet.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** `hybridctl fleet ...` against a real fleet server on loopback. */
class FleetCommandsTest {

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importTokensAndListings(@TempDir Path tmp) throws Exception {
        try (FleetServer server = FleetServer.start(ServerOptions.loopback(tmp.resolve("data"), null))) {
            Path tokenFile = tmp.resolve("token");
            Files.writeString(tokenFile, server.initialAdminToken().orElseThrow());
            String[] common = {"--server", server.url(), "--ca-file", tmp.resolve("data/agent-ca/ca.pem").toString(),
                    "--token-file", tokenFile.toString()};
            Path repo = Path.of(System.getProperty("hybridctl.repo", ".."));

            Run imported = cli(concat(new String[] {"fleet", "import", "-f", repo.resolve("examples/two-site-ira.yaml").toString()}, common));
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("imported cluster").contains("2 pools");

            // Importing again updates the design; it is not an error.
            Run again = cli(concat(new String[] {"fleet", "import", "-f", repo.resolve("examples/two-site-ira.yaml").toString()}, common));
            assertThat(again.exit()).as(again.err()).isZero();

            Run pools = cli(concat(new String[] {"fleet", "pools"}, common));
            assertThat(pools.exit()).isZero();
            assertThat(pools.out().lines().count()).isEqualTo(3);

            String firstPool = pools.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[1];
            assertThat(pools.out()).contains("hybrid-two-site").contains("0/0/3").contains("0/0/2");
            Run token = cli(concat(new String[] {"fleet", "token-create", "--pool", firstPool, "--max-uses", "3"}, common));
            assertThat(token.exit()).as(token.err()).isZero();
            assertThat(token.out()).contains("hybridctl agent --server").contains("--ca-fingerprint " + server.caFingerprint());

            Run audit = cli(concat(new String[] {"fleet", "audit"}, common));
            assertThat(audit.out()).contains("cluster.import").contains("registration-token.create")
                    .doesNotContain(server.initialAdminToken().orElseThrow());

            // Every read command speaks JSON for scripts; names, not only ids.
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String[] read : List.of(new String[] {"pools"}, new String[] {"hosts"}, new String[] {"events"}, new String[] {"audit"},
                    new String[] {"drift", "hybrid-two-site"})) {
                String[] args = concat(concat(new String[] {"fleet"}, read), concat(new String[] {"-o", "json"}, common));
                Run r = cli(args);
                assertThat(r.exit()).as(String.join(" ", read) + ": " + r.err()).isZero();
                assertThat(json.readTree(r.out())).as(String.join(" ", read)).isNotNull();
            }
            var poolsJson = json.readTree(cli(concat(new String[] {"fleet", "pools", "-o", "json"}, common)).out());
            assertThat(poolsJson.findValuesAsText("cluster")).containsOnly("hybrid-two-site");
            var drift = json.readTree(cli(concat(new String[] {"fleet", "drift", "hybrid-two-site", "-o", "json"}, common)).out());
            assertThat(drift.path("missing")).hasSize(5);
            Run yaml = cli(concat(new String[] {"fleet", "pools", "-o", "yaml"}, common));
            assertThat(yaml.out()).contains("planned: 3");

            Run badArn = cli(concat(new String[] {"fleet", "iam-roles-anywhere-set", "hybrid-two-site", "--trust-anchor-arn", "arn:aws:iam::1:role/x",
                    "--profile-arn", "p", "--role-arn", "r"}, common));
            assertThat(badArn.exit()).isEqualTo(2);
            assertThat(badArn.err()).contains("--trust-anchor-arn").contains("trust-anchor/<uuid>");
            Run ira = cli(concat(new String[] {"fleet", "iam-roles-anywhere-set", "hybrid-two-site",
                    "--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001",
                    "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/0a1b2c3d-0000-4000-8000-000000000002",
                    "--role-arn", "arn:aws:iam::111122223333:role/AmazonEKSHybridNodesRole"}, common));
            assertThat(ira.exit()).as(ira.err()).isZero();
            assertThat(audit(common)).contains("iam-roles-anywhere.set");

            // The same three ARNs straight from `aws cloudformation describe-stacks`.
            Path outputs = tmp.resolve("stack.json");
            Files.writeString(outputs, """
                    {"Stacks": [{"StackName": "hybrid-two-site-hybrid", "StackStatus": "CREATE_COMPLETE", "Outputs": [
                      {"OutputKey": "RemoteNodesTrustAnchorARN", "OutputValue": "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/0a1b2c3d-0000-4000-8000-0000000000aa"},
                      {"OutputKey": "RemoteNodesAnywhereProfileARN", "OutputValue": "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/0a1b2c3d-0000-4000-8000-0000000000bb"},
                      {"OutputKey": "RemoteNodesRoleARN", "OutputValue": "arn:aws:iam::111122223333:role/hybrid-two-site-nodes"}]}]}
                    """);
            Run fromStack = cli(concat(new String[] {"fleet", "iam-roles-anywhere-set", "hybrid-two-site", "--from-stack-outputs", outputs.toString()}, common));
            assertThat(fromStack.exit()).as(fromStack.err()).isZero();
            assertThat(audit(common)).contains("0a1b2c3d-0000-4000-8000-0000000000aa");
            Files.writeString(outputs, "{\"Stacks\": [{\"StackName\": \"hybrid-two-site-hybrid\", \"Outputs\": []}]}");
            Run noOutputs = cli(concat(new String[] {"fleet", "iam-roles-anywhere-set", "hybrid-two-site", "--from-stack-outputs", outputs.toString()}, common));
            assertThat(noOutputs.exit()).isEqualTo(2);
            assertThat(noOutputs.err()).contains("has no output RemoteNodes").doesNotContain("Exception");

            Run badSpec = cli(concat(new String[] {"fleet", "import", "-f", tmp.resolve("missing.yaml").toString()}, common));
            assertThat(badSpec.exit()).isEqualTo(2);
        }
    }

    @Test
    void missingTokenIsAUsageError(@TempDir Path tmp) {
        Run r = cli("fleet", "pools", "--server", "https://127.0.0.1:1", "--ca-file", tmp.resolve("none.pem").toString(),
                "--token-file", tmp.resolve("absent").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--token-file");
    }

    @Test
    void serverAndAgentRejectBadUsageWithoutAStackTrace(@TempDir Path tmp) {
        Run server = cli("server", "--data-dir", tmp.resolve("d").toString(), "--port", "70000");
        assertThat(server.exit()).isEqualTo(2);
        assertThat(server.err()).contains("--port").doesNotContain("Exception");
        Run agent = cli("agent", "--server", "http://127.0.0.1:1", "--token", "hfr_x", "--ca-fingerprint", "ab", "--state-dir",
                tmp.resolve("s").toString());
        assertThat(agent.exit()).isEqualTo(2);
        assertThat(agent.err()).contains("https://").doesNotContain("hfr_x");
        Run noTrust = cli("agent", "--server", "https://127.0.0.1:1", "--token", "hfr_x", "--state-dir", tmp.resolve("s2").toString());
        assertThat(noTrust.exit()).isEqualTo(2);
        assertThat(noTrust.err()).contains("--ca-fingerprint");
    }

    private static String audit(String[] common) {
        return cli(concat(new String[] {"fleet", "audit"}, common)).out();
    }

    @Test
    void aServerThatIsDownIsOneLineOnStderrAndNothingOnStdout(@TempDir Path tmp) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path ca = tmp.resolve("ca.pem");
        try (FleetServer server = FleetServer.start(ServerOptions.loopback(tmp.resolve("data"), null))) {
            Files.copy(tmp.resolve("data/agent-ca/ca.pem"), ca);
        }
        Files.writeString(tmp.resolve("token"), "hfa_notarealtokenbutlongenough0123");
        for (String command : List.of("pools", "hosts", "events", "audit")) {
            Run r = cli("fleet", command, "--server", "https://127.0.0.1:" + port, "--ca-file", ca.toString(), "--token-file", tmp.resolve("token").toString());
            assertThat(r.exit()).as(command).isEqualTo(1);
            assertThat(r.out()).as(command).isEmpty();
            assertThat(r.err()).as(command).contains("cannot reach the fleet server at https://127.0.0.1:" + port).contains("hybridctl server")
                    .doesNotContain("null").doesNotContain("Exception").doesNotContain("hfa_");
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void everyCommandAMessageSuggestsExistsAndParses() throws Exception {
        Path repo = Path.of(System.getProperty("hybridctl.repo", ".."));
        java.util.regex.Pattern suggestion = java.util.regex.Pattern.compile("`(hybridctl [^`]+)`");
        java.util.Set<String> commands = new java.util.TreeSet<>();
        for (Path root : List.of(repo.resolve("fleet/src/main/java"), repo.resolve("cli/src/main/java/io/hybridctl/cli/fleet"))) {
            try (var files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    // Join string concatenations: `... " + cluster.name() + " ...` becomes `... X ...`.
                    String code = Files.readAllLines(f).stream().filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("/")
                            && !l.strip().startsWith("@")).collect(java.util.stream.Collectors.joining("\n"));
                    String text = code.replaceAll("\"\\s*\\+[^\"]*?\\+\\s*\"", "X").replaceAll("\"\\s*\\+\\s*\"", "");
                    var m = suggestion.matcher(text);
                    while (m.find()) {
                        commands.add(m.group(1));
                    }
                }
            }
        }
        assertThat(commands).as("suggestions found").contains("hybridctl fleet activation-set X --activation-id ID",
                "hybridctl fleet iam-roles-anywhere-set X --trust-anchor-arn ARN --profile-arn ARN --role-arn ARN", "hybridctl fleet import -f SPEC");
        for (String command : commands) {
            String[] args = command.substring("hybridctl ".length()).split(" ");
            picocli.CommandLine cli = new picocli.CommandLine(new io.hybridctl.cli.Main());
            assertThatCode(() -> cli.parseArgs(args)).as(command).doesNotThrowAnyException();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void theServerRefusesAnUnusablePkiDirectoryWithExitTwoAndNoStackTrace(@TempDir Path tmp) {
        Run noCa = cli("server", "--data-dir", tmp.resolve("d2").toString(), "--port", "0", "--pki-dir", tmp.resolve("empty").toString());
        assertThat(noCa.exit()).isEqualTo(2);
        assertThat(noCa.err()).contains("--pki-dir").contains("hybridctl pki init").doesNotContain("\tat ");
    }
}
