package io.hybridctl.fleet.bootstrap;

/** Why a host cannot be bootstrapped as designed; the message says what to do and is safe to show and store. */
public final class BootstrapException extends Exception {

    public BootstrapException(String message) {
        super(message);
    }

    public BootstrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
