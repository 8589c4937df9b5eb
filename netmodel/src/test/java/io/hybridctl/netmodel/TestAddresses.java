package io.hybridctl.netmodel;

import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

/** Literal addresses in tests, without the checked exception that user input needs. */
public final class TestAddresses {

    private TestAddresses() {
    }

    public static Ipv4Address ip(String text) {
        try {
            return Ipv4Address.parse(text);
        } catch (AddressFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Prefix prefix(String text) {
        try {
            return Prefix.parse(text);
        } catch (AddressFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
