package io.hybridctl.pki;

/**
 * A test hook for crash safety: when the system property {@code hybridctl.pki.crashAt} names this point, the JVM halts
 * there at once, as a kill -9 or a power cut would stop it. Tests use it to leave a half-finished run on disk.
 */
final class CrashPoint {

    static final String PROPERTY = "hybridctl.pki.crashAt";

    private CrashPoint() {
    }

    static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
    }
}
