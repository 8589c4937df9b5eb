package io.hybridctl.cli.pki;

import io.hybridctl.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs hybridctl in-process (or in a child JVM, for environment variables) and keeps everything it printed. */
record PkiCli(int exit, String out, String err) {

    static PkiCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new PkiCli(code, out.toString(), err.toString());
    }

    /** The real process: a new JVM with the test class path and the given environment additions. */
    static PkiCli process(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("HYBRIDCTL_PKI_PASSPHRASE");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("pki-out", ".txt");
        Path err = Files.createTempFile("pki-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("hybridctl did not finish");
            }
            return new PkiCli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Path repo() {
        return Path.of(System.getProperty("hybridctl.repo", ".."));
    }

    String all() {
        return out + err;
    }
}
