package io.hybridctl.cli.pki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pki command end to end on the two-site example, with its output checked for leaked secrets. */
class PkiCommandsTest {

    static final String PASSPHRASE = "tr0ub4dor&3-hybrid";
    static final List<String> HOSTS = List.of("east-01", "east-02", "east-03", "west-01", "west-02");

    @TempDir
    Path work;

    Path spec;
    Path pki;
    Path passFile;
    final List<PkiCli> runs = new ArrayList<>();

    @BeforeEach
    void writeSpec() throws IOException {
        String example = Files.readString(PkiCli.repo().resolve("examples/two-site-ira.yaml"));
        assertThat(example).contains("      file: two-site-ira-ca.pem");
        spec = Files.writeString(work.resolve("cluster.yaml"), example.replace("      file: two-site-ira-ca.pem", "      pki: pki"));
        pki = work.resolve("pki");
        passFile = Files.writeString(work.resolve("passphrase"), PASSPHRASE + "\n");
    }

    private PkiCli run(String... args) {
        PkiCli r = PkiCli.run(args);
        runs.add(r);
        return r;
    }

    private String[] withPass(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--passphrase-file");
        all.add(passFile.toString());
        return all.toArray(String[]::new);
    }

    @Test
    void theWholeLifecycleOnTheExampleSpec() throws Exception {
        PkiCli init = run(withPass("pki", "init", "-f", spec.toString()));
        assertThat(init.exit()).as(init.all()).isZero();
        assertThat(init.out()).contains("created CA 'hybrid-two-site hybrid nodes CA'").contains("encrypted PKCS#8");
        assertThat(Files.readString(pki.resolve("ca.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(pki.resolve("ca.key"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        PkiCli again = run(withPass("pki", "init", "-f", spec.toString()));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a CA");

        PkiCli issue = run(withPass("pki", "issue", "--all", "-f", spec.toString()));
        assertThat(issue.exit()).as(issue.all()).isZero();
        for (String host : HOSTS) {
            assertThat(issue.out()).contains(host + ": issued serial");
            Path cert = pki.resolve("nodes").resolve(host).resolve("server.pem");
            Process verify = new ProcessBuilder("openssl", "verify", "-CAfile", pki.resolve("ca.pem").toString(), cert.toString())
                    .redirectErrorStream(true).start();
            assertThat(new String(verify.getInputStream().readAllBytes())).contains(": OK");
            assertThat(verify.waitFor()).isZero();
            assertThat(Files.getPosixFilePermissions(cert.resolveSibling("server.key"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }

        PkiCli noop = run(withPass("pki", "issue", "east-01", "-f", spec.toString()));
        assertThat(noop.out()).contains("east-01: unchanged");

        PkiCli status = run("pki", "status", "-f", spec.toString());
        assertThat(status.exit()).as(status.all()).isZero();
        assertThat(status.out()).contains("HOST", "SERIAL", "NOT AFTER", "DAYS LEFT", "STATE");
        assertThat(status.out().lines().filter(l -> l.endsWith("  ok"))).hasSize(5);

        PkiCli revoke = run(withPass("pki", "revoke", "east-03", "-f", spec.toString(), "--reason", "key-compromise"));
        assertThat(revoke.exit()).as(revoke.all()).isZero();
        assertThat(revoke.out()).contains("revoked serial").contains("import-crl").contains("crl.pem");

        PkiCli json = run("pki", "status", "-f", spec.toString(), "-o", "json");
        assertThat(json.exit()).as(json.all()).isEqualTo(1); // a revoked certificate fails the status, as documented
        JsonNode hosts = new ObjectMapper().readTree(json.out()).get("hosts");
        assertThat(hosts).hasSize(5);
        assertThat(hosts.findValuesAsText("state")).containsExactly("ok", "ok", "revoked", "ok", "ok");
        assertThat(hosts.get(0).get("daysLeft").asLong()).isBetween(364L, 365L);

        // A window longer than the time left makes every working certificate due.
        PkiCli rotate = run(withPass("pki", "rotate", "-f", spec.toString(), "--within", "400d", "--validity", "2y"));
        assertThat(rotate.exit()).as(rotate.all()).isEqualTo(1); // east-03 is revoked: nothing to rotate, needs issue
        assertThat(rotate.out()).contains("east-01: rotated (was rotate-soon)")
                .contains("ssh 10.80.0.11 'sudo sh -c \"umask 077 && mkdir -p /etc/iam/pki && cat > /etc/iam/pki/server.key.new\"' <")
                .contains("systemctl restart aws_signing_helper_update")
                .contains("east-03: revoked, nothing to rotate").contains("4 certificate(s) rotated");

        PkiCli reissue = run(withPass("pki", "issue", "east-03", "-f", spec.toString()));
        assertThat(reissue.out()).contains("east-03: issued serial").contains("(was revoked)");

        PkiCli lint = run("pki", "lint", pki.resolve("ca.pem").toString(), pki.resolve("nodes/east-01/server.pem").toString(), "--node-name", "east-01");
        assertThat(lint.exit()).as(lint.all()).isZero();
        assertThat(lint.out()).contains("0 error(s)");
        PkiCli lintSpec = run("pki", "lint", "-f", spec.toString(), pki.resolve("nodes/west-02/server.pem").toString());
        assertThat(lintSpec.exit()).as(lintSpec.all()).isZero();
        PkiCli wrongNode = run("pki", "lint", pki.resolve("nodes/east-01/server.pem").toString(), "--node-name", "east-02", "-o", "json");
        assertThat(wrongNode.exit()).isEqualTo(1);
        assertThat(wrongNode.out()).contains("PKI012");

        assertNoSecretIn(runs);
    }

    @Test
    void statusFailsForMissingCertificatesAndLintForBrokenOnes() throws Exception {
        assertThat(run("pki", "init", "--dir", pki.toString(), "--name", "lab", "--unencrypted-key").exit()).isZero();
        assertThat(run("pki", "issue", "--dir", pki.toString(), "east-01").exit()).isZero();
        PkiCli status = run("pki", "status", "-f", spec.toString());
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.out()).contains("west-02: missing: no certificate issued yet");

        Path garbage = Files.writeString(work.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        PkiCli lint = run("pki", "lint", garbage.toString());
        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.out()).contains(garbage + ":1:1: error[PKI001]").contains("fix:");
        PkiCli missing = run("pki", "lint", work.resolve("nope.pem").toString());
        assertThat(missing.exit()).isEqualTo(2);
        PkiCli badRole = run("pki", "lint", "--role", "leaf", garbage.toString());
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("unknown role 'leaf'");
        assertNoSecretIn(runs);
    }

    @Test
    void badInputGetsAMessageAndTheDocumentedExitCode() throws Exception {
        PkiCli noPass = run("pki", "init", "--dir", pki.toString(), "--name", "lab");
        assertThat(noPass.exit()).isEqualTo(2);
        assertThat(noPass.err()).contains("HYBRIDCTL_PKI_PASSPHRASE").contains("--unencrypted-key");
        assertThat(pki.resolve("ca.pem")).doesNotExist();

        assertThat(run(withPass("pki", "init", "--dir", pki.toString(), "--name", "lab")).exit()).isZero();
        Path wrong = Files.writeString(work.resolve("wrong"), "not-the-passphrase\n");
        PkiCli wrongPass = run("pki", "issue", "--dir", pki.toString(), "east-01", "--passphrase-file", wrong.toString());
        assertThat(wrongPass.exit()).isEqualTo(2);
        assertThat(wrongPass.err()).contains("wrong passphrase").doesNotContain("not-the-passphrase");
        PkiCli noKeyPass = run("pki", "issue", "--dir", pki.toString(), "east-01");
        assertThat(noKeyPass.exit()).isEqualTo(2);
        assertThat(noKeyPass.err()).contains("is encrypted");

        PkiCli unknownHost = run(withPass("pki", "issue", "-f", spec.toString(), "nobody"));
        assertThat(unknownHost.exit()).isEqualTo(2);
        assertThat(unknownHost.err()).contains("not in the spec");
        PkiCli badName = run(withPass("pki", "issue", "--dir", pki.toString(), "../etc"));
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("cannot be a node name");
        PkiCli noDir = run("pki", "status");
        assertThat(noDir.exit()).isEqualTo(2);
        assertThat(noDir.err()).contains("--dir");
        PkiCli badDuration = run("pki", "status", "--dir", pki.toString(), "--within", "soon");
        assertThat(badDuration.exit()).isEqualTo(2);
        assertThat(badDuration.err()).contains("not a duration");
        PkiCli windowTooLong = run(withPass("pki", "issue", "--dir", pki.toString(), "east-01", "--validity", "10d"));
        assertThat(windowTooLong.exit()).isEqualTo(2);
        assertThat(windowTooLong.err()).contains("rotation window");

        Path broken = Files.writeString(work.resolve("broken.yaml"), Files.readString(spec).replace("name: east-02", "name: east-01"));
        PkiCli invalid = run(withPass("pki", "issue", "--all", "-f", broken.toString()));
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.err()).contains("has errors");

        assertThat(runs).allSatisfy(r -> assertThat(r.err()).doesNotContain("Exception:").doesNotContain("\tat "));
        assertNoSecretIn(runs);
    }

    @Test
    void importsAnExistingCaAndRefusesOneThatCannotBeATrustAnchor() throws Exception {
        Path ownKey = work.resolve("own.key");
        Path ownCert = work.resolve("own.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes",
                "-keyout", ownKey.toString(), "-out", ownCert.toString(), "-days", "3650", "-subj", "/CN=Corp Root",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();

        PkiCli imported = run(withPass("pki", "init", "--dir", pki.toString(), "--import-cert", ownCert.toString(), "--import-key", ownKey.toString()));
        assertThat(imported.exit()).as(imported.all()).isZero();
        assertThat(imported.out()).contains("imported CA 'Corp Root'");
        assertThat(Files.readString(pki.resolve("ca.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(run(withPass("pki", "issue", "--dir", pki.toString(), "east-01")).exit()).isZero();

        Path leafKey = work.resolve("leaf.key");
        Path leafCert = work.resolve("leaf.pem");
        Process q = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", leafKey.toString(), "-out", leafCert.toString(), "-days", "30", "-subj", "/CN=not a ca",
                "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "keyUsage=critical,digitalSignature")
                .redirectErrorStream(true).start();
        q.getInputStream().readAllBytes();
        assertThat(q.waitFor()).isZero();
        PkiCli refused = run(withPass("pki", "init", "--dir", work.resolve("other").toString(), "--import-cert", leafCert.toString(),
                "--import-key", leafKey.toString()));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("PKI020").contains("PKI021").contains("cannot be an IAM Roles Anywhere trust anchor");
        assertThat(work.resolve("other/ca.pem")).doesNotExist();
        assertNoSecretIn(runs);
    }

    @Test
    void thePassphraseComesFromTheEnvironmentInARealProcess() throws Exception {
        PkiCli init = PkiCli.process(java.util.Map.of("HYBRIDCTL_PKI_PASSPHRASE", PASSPHRASE), "pki", "init", "--dir", pki.toString(), "--name", "lab");
        assertThat(init.exit()).as(init.all()).isZero();
        PkiCli custom = PkiCli.process(java.util.Map.of("MY_CA_PASS", PASSPHRASE), "pki", "issue", "--dir", pki.toString(),
                "--passphrase-env", "MY_CA_PASS", "east-01");
        assertThat(custom.exit()).as(custom.all()).isZero();
        PkiCli unset = PkiCli.process(java.util.Map.of(), "pki", "issue", "--dir", pki.toString(), "east-02");
        assertThat(unset.exit()).isEqualTo(2);
        assertThat(unset.err()).contains("is encrypted: set HYBRIDCTL_PKI_PASSPHRASE");
        assertNoSecretIn(List.of(init, custom, unset));
    }

    /** No PEM key header, no fragment of any key file's base64 body, and no passphrase in anything printed. */
    private void assertNoSecretIn(List<PkiCli> outputs) throws IOException {
        List<String> fragments = new ArrayList<>();
        if (Files.isDirectory(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".key")).toList()) {
                    String body = Files.readString(f).lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
                    for (int i = 0; i + 16 <= body.length(); i += 16) {
                        fragments.add(body.substring(i, i + 16));
                    }
                }
            }
        }
        assertThat(fragments).isNotEmpty();
        for (PkiCli r : outputs) {
            String all = r.all();
            assertThat(all).doesNotContain("PRIVATE KEY").doesNotContain(PASSPHRASE);
            String flat = all.replaceAll("\\s", "");
            for (String fragment : fragments) {
                assertThat(flat).doesNotContain(fragment);
            }
        }
    }
}
