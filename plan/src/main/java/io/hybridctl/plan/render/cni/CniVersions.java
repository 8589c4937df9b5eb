package io.hybridctl.plan.render.cni;

/** Compares "major.minor[.patch][-build]" versions as the CNI projects write them. */
public final class CniVersions {

    private CniVersions() {
    }

    public static boolean atLeast(String version, int major, int minor) {
        int[] v = parse(version);
        return v[0] > major || (v[0] == major && v[1] >= minor);
    }

    /** [major, minor]; a part that is missing or not a number counts as 0. */
    public static int[] parse(String version) {
        String[] parts = version.replaceFirst("^v", "").split("[.-]");
        int[] out = new int[2];
        for (int i = 0; i < 2 && i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }
}
