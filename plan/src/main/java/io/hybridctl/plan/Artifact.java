package io.hybridctl.plan;

import java.nio.charset.StandardCharsets;

/** One file of the plan output: its path under out/, its bytes, and the mode it is created with. */
public record Artifact(String path, byte[] content, Mode mode) {

    public enum Mode {
        /** 0644 */
        PUBLIC,
        /** 0755: scripts */
        EXECUTABLE,
        /** 0600 from creation: holds a secret (an SSM activation code) */
        SECRET
    }

    public static Artifact text(String path, String content, Mode mode) {
        return new Artifact(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Artifact[" + path + ", " + content.length + " bytes, " + mode + "]";
    }
}
