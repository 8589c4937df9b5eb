package io.hybridctl.plan.render.docs;

import java.util.Locale;

/**
 * A small SVG writer for the topology picture. Every box is a {@code <g class="box">} whose first child is its
 * rectangle, so a test can check that each text stays inside the box it belongs to; text that would not fit is
 * shortened with an ellipsis and keeps its whole wording in a tooltip.
 */
final class Svg {

    static final String FONT = "DejaVu Sans, Verdana, sans-serif";
    private final StringBuilder out = new StringBuilder();

    /** Opens a box; close it with {@link #end()} after its content. */
    Svg box(double x, double y, double w, double h, String fill, String stroke, String dash, String kind) {
        out.append("<g class=\"box\" data-kind=\"").append(kind).append("\">\n");
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\" rx=\"6\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>\n");
        return this;
    }

    Svg end() {
        out.append("</g>\n");
        return this;
    }

    /** Text starting at x on baseline y, shortened to {@code max} pixels. */
    Svg text(double x, double y, double size, boolean bold, String fill, String text, double max) {
        return text(x, y, size, bold, fill, text, max, false);
    }

    /** Text centred on x. */
    Svg centred(double x, double y, double size, boolean bold, String fill, String text, double max) {
        return text(x, y, size, bold, fill, text, max, true);
    }

    private Svg text(double x, double y, double size, boolean bold, String fill, String text, double max, boolean centre) {
        String shown = TextMetrics.fit(text, max, size, bold);
        if (shown.isEmpty()) {
            return this;
        }
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (centre) {
            out.append(" text-anchor=\"middle\"");
        }
        if (size != 12) {
            out.append(" font-size=\"").append(n(size)).append('"');
        }
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        if (!"#222222".equals(fill)) {
            out.append(" fill=\"").append(fill).append('"');
        }
        out.append('>');
        if (!shown.equals(text)) {
            out.append("<title>").append(esc(text)).append("</title>");
        }
        out.append(esc(shown)).append("</text>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2))
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(width)).append('"');
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** The whole document: written last, because the height is known only once everything is laid out. */
    String document(double width, double height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height) + "\" viewBox=\"0 0 " + n(width) + ' '
                + n(height) + "\" font-family=\"" + FONT + "\" font-size=\"12\">\n"
                + "<title>" + esc(title) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                + out + "</svg>\n";
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                // XML 1.0 cannot carry most control characters at all, not even as references.
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
