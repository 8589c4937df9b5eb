package io.hybridctl.plan.render.docs;

/**
 * Text widths in DejaVu Sans, the font topology.svg asks for (it ships with every Linux desktop and Chromium falls
 * back to it): advance widths per 1000 em of printable ASCII, without kerning, which only ever narrows. Anything else
 * is counted as a full em, so an estimate is never short. TopologyRendererTest checks these against the real font.
 */
final class TextMetrics {

    private static final int[] REGULAR = {318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
        636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,
        748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634,
        278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};
    private static final int[] BOLD = {348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
        696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995,
        837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
        712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838};
    static final String ELLIPSIS = "\u2026";

    private TextMetrics() {
    }

    static double width(String text, double size, boolean bold) {
        int[] table = bold ? BOLD : REGULAR;
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            units += c >= 32 && c < 127 ? table[c - 32] : 1000;
        }
        return units * size / 1000.0;
    }

    /** The text, or as much of it as fits in {@code max} followed by an ellipsis. */
    static String fit(String text, double max, double size, boolean bold) {
        if (width(text, size, bold) <= max) {
            return text;
        }
        int end = text.length();
        while (end > 0 && width(text.substring(0, end) + ELLIPSIS, size, bold) > max) {
            end--;
        }
        return end == 0 ? "" : text.substring(0, end) + ELLIPSIS;
    }
}
