package io.hybridctl.pki;

import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.spec.model.PkiLayout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A second process for crash and lock tests: issues certificates in a PKI directory (unencrypted CA key).
 * Arguments: directory, lock wait in milliseconds, host names. Exit 0 on success, 3 with the message on a PkiException.
 */
public final class IssueProcess {

    private IssueProcess() {
    }

    public static void main(String[] args) throws Exception {
        PkiLayout layout = new PkiLayout(Path.of(args[0]));
        PkiDirectory dir = new PkiDirectory(layout, Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[1])));
        try {
            dir.issue(CertificateAuthority.open(layout, Optional.empty()), List.of(args).subList(2, args.length), IssuePolicy.defaults());
        } catch (PkiException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }

    /** Starts this class in a new JVM with the test class path; {@code crashAt} sets the crash point, or null. */
    static Process start(Path dir, long lockWaitMillis, String crashAt, String... hosts) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (crashAt != null) {
            command.add("-D" + CrashPoint.PROPERTY + "=" + crashAt);
        }
        command.add(IssueProcess.class.getName());
        command.add(dir.toString());
        command.add(String.valueOf(lockWaitMillis));
        command.addAll(List.of(hosts));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
