package io.hybridctl.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/** One IPv4 address, held as an unsigned 32-bit value in a long so that comparisons need no sign tricks. */
public record Ipv4Address(long value) implements Comparable<Ipv4Address> {

    static final IPAddressStringParameters ADDRESS_ONLY = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowMask(false).allowPrefix(false)
            .allowSingleSegment(false).allowWildcardedSeparator(false)
            .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allow_inet_aton(false).getParentBuilder()
            .toParams();

    public Ipv4Address {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not a 32-bit value: " + value);
        }
    }

    public static Ipv4Address of(long value) {
        return new Ipv4Address(value);
    }

    /** Parses dotted-quad text; IPv6 and prefixes are refused with a message fit for a user. */
    public static Ipv4Address parse(String text) throws AddressFormatException {
        if (text == null || text.isBlank()) {
            throw new AddressFormatException("an empty string is not an IPv4 address");
        }
        String trimmed = text.strip();
        if (trimmed.contains("/")) {
            throw new AddressFormatException("'" + trimmed + "' is a prefix, an address was expected (drop the '/"
                    + trimmed.substring(trimmed.indexOf('/') + 1) + "')");
        }
        IPAddress address;
        try {
            address = new IPAddressString(trimmed, ADDRESS_ONLY).toAddress();
        } catch (AddressStringException e) {
            throw new AddressFormatException("'" + trimmed + "' is not an IPv4 address");
        }
        if (!address.isIPv4()) {
            throw new AddressFormatException("'" + trimmed + "' is an IPv6 address; hybrid nodes support IPv4 only");
        }
        return new Ipv4Address(address.getValue().longValue());
    }

    public Ipv4Address plus(long offset) {
        return new Ipv4Address(value + offset);
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }
}
