package io.hybridctl.pki.ca;

import io.hybridctl.pki.PkiException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The passphrase that encrypts the CA key. It comes from an environment variable or a file, never from the command
 * line (argv is visible to every user in the process list), and it prints as a placeholder so it cannot leak
 * through a log line or an exception message.
 */
public final class Passphrase {

    public static final String DEFAULT_VARIABLE = "HYBRIDCTL_PKI_PASSPHRASE";

    private final char[] secret;

    private Passphrase(char[] secret) {
        this.secret = secret;
    }

    public static Passphrase of(char[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        return new Passphrase(secret.clone());
    }

    /** The passphrase in the named variable, or empty when it is not set. */
    public static Optional<Passphrase> fromEnvironment(Map<String, String> environment, String variable) throws PkiException {
        String value = environment.get(variable);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            throw PkiException.badInput("environment variable " + variable + " is set but empty; put the CA key passphrase in it");
        }
        return Optional.of(new Passphrase(value.toCharArray()));
    }

    /** The first line of the file, without its line ending (as `openssl -passin file:` reads it). */
    public static Passphrase fromFile(Path file) throws PkiException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PkiException.badInput("cannot read passphrase file " + file + " (" + e.getClass().getSimpleName() + "); check the path and its permissions");
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw PkiException.badInput("passphrase file " + file + " is empty; write the CA key passphrase on its first line");
        }
        return new Passphrase(line.toCharArray());
    }

    /** A copy for a cipher; callers should not keep it. */
    char[] chars() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Passphrase p && Arrays.equals(secret, p.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "Passphrase[***]";
    }
}
