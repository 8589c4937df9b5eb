package io.hybridctl.spec.schema;

import java.util.List;

public record ScalarType(Kind kind, List<String> values, Long min, Long max) implements Type {

    public enum Kind { STRING, INTEGER, BOOLEAN, ENUM, CIDR, IPV4, ADDRESS_RANGE, VERSION }

    public static final ScalarType STRING = new ScalarType(Kind.STRING, List.of(), null, null);
    public static final ScalarType BOOLEAN = new ScalarType(Kind.BOOLEAN, List.of(), null, null);
    public static final ScalarType CIDR = new ScalarType(Kind.CIDR, List.of(), null, null);
    public static final ScalarType IPV4 = new ScalarType(Kind.IPV4, List.of(), null, null);
    public static final ScalarType ADDRESS_RANGE = new ScalarType(Kind.ADDRESS_RANGE, List.of(), null, null);
    public static final ScalarType VERSION = new ScalarType(Kind.VERSION, List.of(), null, null);

    public ScalarType {
        values = List.copyOf(values);
    }

    public static ScalarType integer(long min, long max) {
        return new ScalarType(Kind.INTEGER, List.of(), min, max);
    }

    public static ScalarType oneOf(String... values) {
        return new ScalarType(Kind.ENUM, List.of(values), null, null);
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case BOOLEAN -> "a boolean (true or false)";
            case ENUM -> "one of " + String.join(", ", values);
            case CIDR -> "an IPv4 CIDR block such as 192.168.200.0/24";
            case IPV4 -> "an IPv4 address such as 192.168.200.11";
            case ADDRESS_RANGE -> "an address range such as 192.168.200.201-192.168.200.220 or a CIDR block";
            case VERSION -> "a version such as \"1.31\"";
        };
    }
}
