package io.hybridctl.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The commented starter spec that `hybridctl init` writes; a test keeps it valid. */
public final class StarterSpec {

    private StarterSpec() {
    }

    public static String text() {
        try (InputStream in = StarterSpec.class.getResourceAsStream("/io/hybridctl/spec/starter.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
