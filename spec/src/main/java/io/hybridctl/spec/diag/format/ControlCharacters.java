package io.hybridctl.spec.diag.format;

/**
 * Makes user data safe to print on a terminal or in a CI log: a spec (or a file name, or an argument) can carry ESC,
 * BEL, backspace or bidirectional overrides that would recolour, retitle or visually reorder the output. Each such
 * character becomes a visible escape ({@code \e}, {@code \a}, {@code \u202e}); newlines, tabs and everything
 * printable stay as they are.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = replacement(c);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? s : out.toString();
    }

    private static String replacement(char c) {
        if (c == '\n' || c == '\t') {
            return null;
        }
        if (c == 0x1b) {
            return "\\e";
        }
        if (c == 0x07) {
            return "\\a";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\b') {
            return "\\b";
        }
        boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
        boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
        return control || bidi ? String.format("\\u%04x", (int) c) : null;
    }
}
