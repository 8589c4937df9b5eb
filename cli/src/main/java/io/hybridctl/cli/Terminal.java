package io.hybridctl.cli;

import java.io.Console;

/** Whether to colour output: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
final class Terminal {

    private Terminal() {
    }

    static boolean color() {
        String noColor = System.getenv("NO_COLOR");
        if ((noColor != null && !noColor.isEmpty()) || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        return isTerminal(System.console());
    }

    // JDK 22+ returns a Console even when output is redirected; Console.isTerminal() (22+) says which. On 21 a
    // non-null console already means a terminal.
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
