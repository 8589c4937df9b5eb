package io.hybridctl.net;

/** Text that is not a usable IPv4 address, prefix or range; the message is written for the person who typed it. */
public final class AddressFormatException extends Exception {
    public AddressFormatException(String message) {
        super(message);
    }
}
