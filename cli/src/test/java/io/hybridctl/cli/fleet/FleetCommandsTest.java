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

import static org.assertj.core.api.Assertions.assertThat;

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

            Run again = cli(concat(new String[] {"fleet", "import", "-f", repo.resolve("examples/two-site-ira.yaml").toString()}, common));
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("already exists").doesNotContain("Exception");

            Run pools = cli(concat(new String[] {"fleet", "pools"}, common));
            assertThat(pools.exit()).isZero();
            assertThat(pools.out().lines().count()).isEqualTo(3);

            String firstPool = pools.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
            Run token = cli(concat(new String[] {"fleet", "token-create", "--pool", firstPool, "--max-uses", "3"}, common));
            assertThat(token.exit()).as(token.err()).isZero();
            assertThat(token.out()).contains("hybridctl agent --server").contains("--ca-fingerprint " + server.caFingerprint());

            Run audit = cli(concat(new String[] {"fleet", "audit"}, common));
            assertThat(audit.out()).contains("cluster.import").contains("registration-token.create")
                    .doesNotContain(server.initialAdminToken().orElseThrow());

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

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void theServerRefusesAnUnusablePkiDirectoryWithExitTwoAndNoStackTrace(@TempDir Path tmp) {
        Run orphan = cli("server", "--data-dir", tmp.resolve("d1").toString(), "--port", "0", "--pki-passphrase-file", tmp.resolve("p").toString());
        assertThat(orphan.exit()).isEqualTo(2);
        assertThat(orphan.err()).contains("--pki-passphrase-file goes with --pki-dir");
        Run noCa = cli("server", "--data-dir", tmp.resolve("d2").toString(), "--port", "0", "--pki-dir", tmp.resolve("empty").toString());
        assertThat(noCa.exit()).isEqualTo(2);
        assertThat(noCa.err()).contains("--pki-dir").contains("hybridctl pki init").doesNotContain("\tat ");
    }
}
