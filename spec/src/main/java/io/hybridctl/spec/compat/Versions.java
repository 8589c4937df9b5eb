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

    private static long parse(String s) {
        String digits = s.replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 12 ? digits.substring(0, 12) : digits);
    }
}
