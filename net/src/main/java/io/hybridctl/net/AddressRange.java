package io.hybridctl.net;

import java.util.ArrayList;
import java.util.List;

/** An inclusive run of IPv4 addresses, as load balancer pools are written ("a.b.c.d-e.f.g.h" or a CIDR). */
public record AddressRange(Ipv4Address first, Ipv4Address last) implements Comparable<AddressRange> {

    public AddressRange {
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("range starts after it ends: " + first + "-" + last);
        }
    }

    public static AddressRange parse(String text) throws AddressFormatException {
        if (text == null || text.isBlank()) {
            throw new AddressFormatException("an empty string is not an address range");
        }
        String trimmed = text.strip();
        if (trimmed.contains("/")) {
            return Prefix.parse(trimmed).toRange();
        }
        int dash = trimmed.indexOf('-');
        if (dash < 0) {
            Ipv4Address single = Ipv4Address.parse(trimmed);
            return new AddressRange(single, single);
        }
        Ipv4Address from = Ipv4Address.parse(trimmed.substring(0, dash));
        Ipv4Address to = Ipv4Address.parse(trimmed.substring(dash + 1));
        if (from.compareTo(to) > 0) {
            throw new AddressFormatException("'" + trimmed + "' starts after it ends; write '" + to + "-" + from + "'");
        }
        return new AddressRange(from, to);
    }

    public long size() {
        return last.value() - first.value() + 1;
    }

    public boolean contains(Ipv4Address address) {
        return address.compareTo(first) >= 0 && address.compareTo(last) <= 0;
    }

    public boolean overlaps(AddressRange other) {
        return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    public boolean within(Prefix prefix) {
        return prefix.contains(first) && prefix.contains(last);
    }

    /** The fewest CIDR blocks that cover exactly this range. */
    public List<Prefix> toPrefixes() {
        List<Prefix> out = new ArrayList<>();
        long start = first.value();
        long end = last.value();
        while (start <= end) {
            int length = 32;
            while (length > 0) {
                int wider = length - 1;
                long size = 1L << (32 - wider);
                if ((start & (size - 1)) != 0 || start + size - 1 > end) {
                    break;
                }
                length = wider;
            }
            out.add(new Prefix(start, length));
            start += 1L << (32 - length);
        }
        return out;
    }

    @Override
    public int compareTo(AddressRange other) {
        int c = first.compareTo(other.first);
        return c != 0 ? c : last.compareTo(other.last);
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + "-" + last;
    }
}
