package io.hybridctl.spec.schema;

/** A key of a mapping: its type, whether it must be present, its documentation and, if any, its default. */
public record Field(String name, Type type, boolean required, String doc, String defaultText, String example) {

    public static Field required(String name, Type type, String doc) {
        return new Field(name, type, true, doc, null, null);
    }

    public static Field optional(String name, Type type, String doc) {
        return new Field(name, type, false, doc, null, null);
    }

    public Field withDefault(String defaultText) {
        return new Field(name, type, required, doc, defaultText, example);
    }

    public Field withExample(String example) {
        return new Field(name, type, required, doc, defaultText, example);
    }
}
