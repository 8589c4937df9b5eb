package io.hybridctl.spec.compat;

/** Dotted numeric version comparison: "1.18.3" > "1.18", "5.4" < "5.10". */
public final class Versions {

    private Versions() {
    }

    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    /** "1.18.3" -> "1.18". */
    public static String minorLine(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    /** The leading digits of a version part ("3-rc1" -> 3), at most 12 of them; 0 when there are none. */
    private static long parse(String s) {
        // A loop, not a regex: every host's OS version is compared, and compiling a pattern each time showed up.
        long value = 0;
        for (int i = 0; i < s.length() && i < 12 && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
