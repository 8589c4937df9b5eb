package io.hybridctl.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.util.ArrayList;
import java.util.List;

/** An IPv4 CIDR block whose host bits are zero. */
public record Prefix(long network, int length) implements Comparable<Prefix> {

    private static final IPAddressStringParameters CIDR = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowMask(false).allowPrefix(true).allowSingleSegment(false)
            .allowWildcardedSeparator(false)
            .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allow_inet_aton(false).getParentBuilder()
            .toParams();

    public Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + length);
        }
        if (network < 0 || network > 0xFFFF_FFFFL || (network & ~mask(length) & 0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("host bits set in " + network + "/" + length);
        }
    }

    public static Prefix of(Ipv4Address network, int length) {
        return new Prefix(network.value(), length);
    }

    /** The block of the given length that holds the address (host bits cleared). */
    public static Prefix containing(Ipv4Address address, int length) {
        return new Prefix(address.value() & mask(length), length);
    }

    /**
     * Parses "a.b.c.d/n" strictly: a missing length, set host bits or IPv6 are errors whose message says how to fix
     * the text, since these are what eksctl lets through unchecked.
     */
    public static Prefix parse(String text) throws AddressFormatException {
        if (text == null || text.isBlank()) {
            throw new AddressFormatException("an empty string is not a CIDR block");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            Ipv4Address single = Ipv4Address.parse(trimmed);
            throw new AddressFormatException("'" + trimmed + "' has no prefix length; write '" + single + "/32' for one address or give the network's length, e.g. '"
                    + Prefix.containing(single, 24) + "'");
        }
        String lengthText = trimmed.substring(slash + 1);
        if (!lengthText.matches("\\d{1,3}")) {
            throw new AddressFormatException("'" + trimmed + "' has a prefix length that is not a number from 0 to 32");
        }
        int length = Integer.parseInt(lengthText);
        IPAddress address;
        try {
            address = new IPAddressString(trimmed.substring(0, slash), Ipv4Address.ADDRESS_ONLY).toAddress();
        } catch (AddressStringException e) {
            throw new AddressFormatException("'" + trimmed + "' is not an IPv4 CIDR block");
        }
        if (!address.isIPv4()) {
            throw new AddressFormatException("'" + trimmed + "' is an IPv6 block; hybrid nodes support IPv4 only");
        }
        if (length > 32) {
            throw new AddressFormatException("'" + trimmed + "' has a prefix length above 32");
        }
        long value = address.getValue().longValue();
        long network = value & mask(length);
        if (network != value) {
            throw new AddressFormatException("'" + trimmed + "' has host bits set; the block is '"
                    + new Ipv4Address(network) + "/" + length + "'");
        }
        return new Prefix(network, length);
    }

    static long mask(int length) {
        return length == 0 ? 0L : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
    }

    public Ipv4Address first() {
        return new Ipv4Address(network);
    }

    public Ipv4Address last() {
        return new Ipv4Address(lastValue());
    }

    public long lastValue() {
        return network | (~mask(length) & 0xFFFF_FFFFL);
    }

    public long size() {
        return 1L << (32 - length);
    }

    public boolean contains(Ipv4Address address) {
        return (address.value() & mask(length)) == network;
    }

    public boolean contains(Prefix other) {
        return other.length >= length && (other.network & mask(length)) == network;
    }

    public boolean overlaps(Prefix other) {
        return contains(other) || other.contains(this);
    }

    public boolean overlaps(AddressRange range) {
        return range.first().value() <= lastValue() && range.last().value() >= network;
    }

    /** Number of blocks of the given length this prefix holds; zero when the blocks are bigger than the prefix. */
    public long blockCount(int blockLength) {
        return blockLength < length ? 0 : 1L << (blockLength - length);
    }

    /** The i-th block of the given length inside this prefix. */
    public Prefix block(int blockLength, long index) {
        if (blockLength < length || index < 0 || index >= blockCount(blockLength)) {
            throw new IllegalArgumentException("block " + index + " of /" + blockLength + " is outside " + this);
        }
        return new Prefix(network + index * (1L << (32 - blockLength)), blockLength);
    }

    public List<Prefix> split(int blockLength) {
        long count = blockCount(blockLength);
        if (count > 1 << 20) {
            throw new IllegalArgumentException("splitting " + this + " into /" + blockLength + " gives too many blocks");
        }
        List<Prefix> blocks = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            blocks.add(block(blockLength, i));
        }
        return blocks;
    }

    public AddressRange toRange() {
        return new AddressRange(first(), last());
    }

    @Override
    public int compareTo(Prefix other) {
        int byNetwork = Long.compare(network, other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(length, other.length);
    }

    @Override
    public String toString() {
        return new Ipv4Address(network) + "/" + length;
    }
}
