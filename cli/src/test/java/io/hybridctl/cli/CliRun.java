package io.hybridctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in-process and captures what it printed. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        return withInput("", args);
    }

    /** Runs with {@code stdin} as standard input, for `-f -`. */
    static CliRun withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    public static Path repo() {
        return Path.of(System.getProperty("hybridctl.repo", ".."));
    }

    public String all() {
        return out + err;
    }
}
