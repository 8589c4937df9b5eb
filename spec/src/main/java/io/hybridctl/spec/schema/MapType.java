package io.hybridctl.spec.schema;

/** A mapping with free keys (labels), each value of the same scalar type. */
public record MapType(ScalarType value) implements Type {
    @Override
    public String describe() {
        return "a mapping of string keys to " + value.describe().replaceFirst("^an? ", "") + " values";
    }
}
