package io.hybridctl.spec.yaml;

import io.hybridctl.spec.diag.Location;

/** A scalar with its YAML-resolved kind: the parser has already decided whether `8` is a number or `"8"` a string. */
public record YamlScalar(String text, Kind kind, Location location) implements YamlNode {

    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    @Override
    public String kindName() {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case FLOAT -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }

    /** The YAML 1.2 core-schema spellings of a boolean; yes/no/on/off are YAML 1.1 only. */
    public static boolean isPlainBoolean(String text) {
        return switch (text) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    /** The boolean value, for the core-schema spellings only. */
    public boolean booleanValue() {
        return text.equalsIgnoreCase("true");
    }

    @Override
    public long weight() {
        return 1;
    }
}
