package io.hybridctl.net;

import java.util.List;

/** The private IPv4 blocks of RFC 1918, the only ones EKS accepts for remote node and pod networks. */
public final class Rfc1918 {

    public static final List<Prefix> BLOCKS = List.of(
            new Prefix(0x0A00_0000L, 8),
            new Prefix(0xAC10_0000L, 12),
            new Prefix(0xC0A8_0000L, 16));

    public static final Prefix TEN = BLOCKS.get(0);

    private Rfc1918() {
    }

    public static boolean contains(Prefix prefix) {
        return BLOCKS.stream().anyMatch(block -> block.contains(prefix));
    }

    public static boolean contains(Ipv4Address address) {
        return BLOCKS.stream().anyMatch(block -> block.contains(address));
    }
}
