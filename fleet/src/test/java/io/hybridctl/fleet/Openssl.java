package io.hybridctl.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** `openssl verify` (Debian package openssl): certificates checked by an implementation other than ours. */
public final class Openssl {

    private Openssl() {
    }

    /** openssl's verdict, e.g. "FILE: OK", or its error output. */
    public static String verify(Path caFile, Path certificate) throws Exception {
        Process p = new ProcessBuilder("openssl", "verify", "-CAfile", caFile.toString(), certificate.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }
}
