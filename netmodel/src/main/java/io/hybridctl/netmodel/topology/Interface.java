package io.hybridctl.netmodel.topology;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

/**
 * An addressed interface. Interfaces naming the same segment share a layer-2 network (a LAN, a veth pair or a
 * tunnel); the interface's network gives the node a connected route.
 */
public record Interface(String name, Ipv4Address address, Prefix network, String segment) {

    public Interface {
        if (!network.contains(address)) {
            throw new IllegalArgumentException("interface " + name + ": " + address + " is outside " + network);
        }
    }
}
