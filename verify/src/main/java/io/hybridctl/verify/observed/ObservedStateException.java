package io.hybridctl.verify.observed;

/** An observed-state file that cannot be used, with the file and what to do about it. */
public final class ObservedStateException extends Exception {
    public ObservedStateException(String message) {
        super(message);
    }
}
