package io.hybridctl.lab.topology;

import io.hybridctl.net.Ipv4Address;

/** An address with its prefix length on an interface of a lab namespace. */
public record InterfaceAddress(String namespace, String device, Ipv4Address address, int length) {
    public String cidr() {
        return address + "/" + length;
    }
}
