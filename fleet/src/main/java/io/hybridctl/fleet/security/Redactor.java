package io.hybridctl.fleet.security;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged, stored or shown: the known secret values of the current operation,
 * anything shaped like a fleet token, PEM private keys, and SSM activation codes passed as -code arguments.
 */
public final class Redactor {

    public static final String MASK = "<redacted>";
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?(-----END \\1PRIVATE KEY-----|$)");
    private static final Pattern CODE_ARG = Pattern.compile("(-code[ =])\\S+");
    private static final Pattern CODE_FIELD = Pattern.compile("(activationCode\"?\\s*[:=]\\s*\"?)[A-Za-z0-9+/=]+");

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        // Very short values would mask ordinary words; real secrets here are at least 20 characters.
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 8).toList();
    }

    public static Redactor patternsOnly() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        out = Secrets.TOKEN_PATTERN.matcher(out).replaceAll(MASK);
        out = PRIVATE_KEY.matcher(out).replaceAll(MASK);
        out = CODE_ARG.matcher(out).replaceAll("$1" + MASK);
        out = CODE_FIELD.matcher(out).replaceAll("$1" + MASK);
        return out;
    }

    public List<String> redact(List<String> lines) {
        return lines.stream().map(this::redact).toList();
    }
}
