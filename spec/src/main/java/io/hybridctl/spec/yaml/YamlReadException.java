package io.hybridctl.spec.yaml;

import io.hybridctl.spec.diag.Location;

/** The input is not a YAML document we are willing to read: broken syntax, or over one of the limits. */
public final class YamlReadException extends Exception {

    private final String code;
    private final Location location;
    private final String hint;

    public YamlReadException(String code, Location location, String message, String hint) {
        super(message);
        this.code = code;
        this.location = location;
        this.hint = hint;
    }

    public String code() {
        return code;
    }

    public Location location() {
        return location;
    }

    public String hint() {
        return hint;
    }
}
