package io.hybridctl.spec.yaml;

import io.hybridctl.spec.diag.Location;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns SnakeYAML's parser vocabulary ("while scanning for the next token") into what went wrong in the file, in
 * plain words, with the fix. The position is the problem's, not the context's: that is where the user has to look.
 */
final class SyntaxExplanation {

    private SyntaxExplanation() {
    }

    static YamlReadException of(String file, String text, MarkedYAMLException e) {
        Mark problemAt = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Location at = problemAt == null ? Location.ofFile(file) : new Location(file, problemAt.getLine() + 1, problemAt.getColumn() + 1);
        Location contextAt = e.getContextMark() == null ? null
                : new Location(file, e.getContextMark().getLine() + 1, e.getContextMark().getColumn() + 1);
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String line = problemAt == null ? "" : line(text, problemAt.getLine());

        int tab = leadingTab(line);
        if (problem.contains("\\t") || problem.contains("TAB") || problem.contains("tab character") || tab >= 0) {
            int column = tab >= 0 ? tab + 1 : at.column();
            return new YamlReadException(YamlTreeReader.SYNTAX, new Location(file, at.line(), column),
                    "a tab character where YAML allows only spaces (indentation and the space after ':' or '-')",
                    "replace the tab at line " + at.line() + " column " + column + " with spaces (two per level, as in the lines around it)");
        }
        String context = e.getContext() == null ? "" : e.getContext();
        if (problem.contains("mapping values are not allowed")) {
            return syntax(at, "a ':' where no key can start: either a value holds ': ' or this line is indented wrongly",
                    "quote the value if it contains ': ' (for example \"a: b\"), or line this key up with the keys beside it");
        }
        if (context.contains("quoted scalar") && problem.contains("end of stream")) {
            return syntax(contextAt == null ? at : contextAt, "this quoted value is never closed",
                    "add the closing quote at the end of the value");
        }
        if (problem.contains("found unknown escape character")) {
            return syntax(at, "an unknown escape sequence inside a double-quoted value",
                    "write the backslash twice (\\\\\\\\), or use single quotes, in which a backslash is an ordinary character");
        }
        if (context.contains("flow sequence") || problem.contains("expected ',' or ']'")) {
            return syntax(contextAt == null ? at : contextAt, "the list opened with '[' here is not closed where its items end",
                    "add the missing ']' (or a ',' between two items)" + near(at));
        }
        if (context.contains("flow mapping") || problem.contains("expected ',' or '}'")) {
            return syntax(contextAt == null ? at : contextAt, "the mapping opened with '{' here is not closed where its entries end",
                    "add the missing '}' (or a ',' between two entries)" + near(at));
        }
        if (problem.contains("could not find expected ':'")) {
            return syntax(contextAt == null ? at : contextAt, "a key without ':' after it, or a value that runs onto the next line",
                    "add ': ' after the key, or quote the value if it continues on the next line");
        }
        if (problem.contains("special characters are not allowed") || problem.contains("unacceptable code point")
                || problem.contains("non-printable")) {
            return syntax(at, "a control character or binary data; a spec is UTF-8 text",
                    "remove the character at this position (an editor may show it as a box or '?'), or re-save the file as UTF-8");
        }
        if (problem.contains("expected <block end>") || context.contains("block mapping") || context.contains("block collection")) {
            return syntax(at, "this line's indentation does not fit the block above it: "
                            + (line.stripLeading().startsWith("-") ? "a list item where a key was expected, or a key where a list item was" : "it lines up with no key above it"),
                    "indent this line exactly as far as the other entries at the same level (spaces only)");
        }
        if (problem.contains("cannot start any token")) {
            return syntax(at, "a character that cannot begin a plain value (such as '@' or '`')",
                    "quote the value: put it in double quotes");
        }
        if (problem.contains("found undefined tag handle") || context.contains("tag")) {
            return syntax(at, "an unknown YAML tag ('!...')", "remove the tag; a spec needs none");
        }
        return syntax(at, "invalid YAML: " + (problem.isBlank() ? context : problem).strip(),
                "fix the YAML syntax at this position (indentation with spaces, matching quotes and brackets, ': ' after keys)");
    }

    private static YamlReadException syntax(Location at, String message, String hint) {
        return new YamlReadException(YamlTreeReader.SYNTAX, at, message, hint);
    }

    private static String near(Location at) {
        return "; the parser noticed at line " + at.line() + " column " + at.column();
    }

    /** The text of line {@code number} (0-based); SnakeYAML's indexes count code points, not chars. */
    private static String line(String text, int number) {
        int start = 0;
        for (int n = 0; n < number && start >= 0; n++) {
            start = text.indexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }
        if (start < 0) {
            return "";
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : Math.min(end, start + 4096));
    }

    private static int leadingTab(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                return i;
            }
            if (c != ' ') {
                return -1;
            }
        }
        return -1;
    }
}
