package io.hybridctl.lab.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of one lab. Every namespace, state directory and process the lab creates carries its prefix
 * {@code hl-<name>-}, which is how `lab down` finds leftovers after a crash.
 */
public record LabName(String value) {

    /** Every lab's namespaces start with this, whatever the lab name. */
    public static final String FAMILY_PREFIX = "hl-";
    private static final Pattern VALID = Pattern.compile("[a-z0-9]([a-z0-9]{0,18}[a-z0-9])?");

    public LabName {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("lab name '" + value + "' must be 1-20 lower-case letters or digits");
        }
    }

    /** A lab name from a cluster name: lower-cased, dashes and other characters dropped, cut to 20 characters. */
    public static LabName fromClusterName(String clusterName) {
        String cleaned = clusterName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (cleaned.isEmpty()) {
            cleaned = "lab";
        }
        return new LabName(cleaned.length() > 20 ? cleaned.substring(0, 20) : cleaned);
    }

    public String prefix() {
        return FAMILY_PREFIX + value + "-";
    }

    /** A namespace name of this lab; parts are lab-internal names (site, host) made safe for a file name. */
    public String namespace(String... parts) {
        StringBuilder name = new StringBuilder(prefix());
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                name.append('-');
            }
            name.append(parts[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-"));
        }
        return name.toString();
    }

    public boolean owns(String namespaceName) {
        return namespaceName.startsWith(prefix());
    }

    @Override
    public String toString() {
        return value;
    }
}
