package io.hybridctl.netmodel.dataplane;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;

/** A contiguous run of addresses [first, last] that all map to the same value (null when nothing matches). */
public record Piece<V>(long first, long last, V value) {

    public AddressRange range() {
        return new AddressRange(Ipv4Address.of(first), Ipv4Address.of(last));
    }
}
