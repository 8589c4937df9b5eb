package io.hybridctl.plan.consumers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real consumer programs (Debian packages listed in .ci/apt-packages) with a time limit. */
final class Programs {

    record Result(int exitCode, String output) {
    }

    private Programs() {
    }

    static void require(String executable, String debianPackage) {
        if (!Files.isExecutable(Path.of(executable))) {
            throw new AssertionError(executable + " is missing: install the Debian package " + debianPackage + " (.ci/apt-packages lists it)");
        }
    }

    /** The absolute path of a program on PATH, or a failure saying how to install it (the suite never skips). */
    static String onPath(String program, String install) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(program + " is not on PATH: " + install);
    }

    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** unshare with the given namespaces; as a non-root user inside a user namespace where it is root. */
    static List<String> unshare(List<String> namespaces, List<String> command) {
        List<String> out = new java.util.ArrayList<>(List.of("unshare"));
        if (!"root".equals(System.getProperty("user.name"))) {
            out.addAll(List.of("--user", "--map-root-user"));
        }
        out.addAll(namespaces);
        out.addAll(command);
        return out;
    }

    /** A world-readable copy: FRR daemons drop privileges to the frr user before reading their config. */
    static Path readableCopy(String content, String suffix) throws IOException {
        Path f = Files.createTempFile(Path.of("/tmp"), "hybridctl-plan-", suffix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        return f;
    }
}
