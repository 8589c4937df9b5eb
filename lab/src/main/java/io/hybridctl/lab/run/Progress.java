package io.hybridctl.lab.run;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The step list of `lab up` and `lab test`: each step with its time. On a terminal a step shows as running and is
 * rewritten in place when done; elsewhere one line per finished step.
 */
public final class Progress {

    private final PrintWriter out;
    private final boolean terminal;
    private String current;
    private long started;

    public Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public static Progress silent() {
        return new Progress(new PrintWriter(java.io.OutputStream.nullOutputStream()), false);
    }

    public void begin(String step) {
        finish();
        current = step;
        started = System.nanoTime();
        if (terminal) {
            out.print("  ... " + step + "\r");
            out.flush();
        }
    }

    /** Ends the current step and returns its duration in milliseconds. */
    public long finish() {
        if (current == null) {
            return 0;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.println((terminal ? "\033[2K" : "") + "  ok  " + String.format(Locale.ROOT, "%-52s %7.2f s", current, millis / 1000.0));
        out.flush();
        current = null;
        return millis;
    }

    public void fail(String why) {
        if (current != null) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.println((terminal ? "\033[2K" : "") + "  FAIL " + String.format(Locale.ROOT, "%-51s %7.2f s", current, millis / 1000.0));
            out.println("       " + why);
            out.flush();
            current = null;
        }
    }

    public void note(String line) {
        out.println(line);
        out.flush();
    }
}
