package io.hybridctl.spec.schema;

public record ListType(Type item, int minItems, int maxItems) implements Type {

    public static ListType of(Type item) {
        return new ListType(item, 0, Integer.MAX_VALUE);
    }

    public ListType atLeast(int min) {
        return new ListType(item, min, maxItems);
    }

    @Override
    public String describe() {
        return "a list of " + strip(item.describe());
    }

    private static String strip(String s) {
        return s.startsWith("a ") ? s.substring(2) + "s" : s.startsWith("an ") ? s.substring(3) + "s" : s;
    }
}
