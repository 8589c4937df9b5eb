package io.hybridctl.plan.ipam;

/** hybridctl.lock exists but cannot be used; the message says where and how to repair it. */
public final class LockFileException extends Exception {

    public LockFileException(String message) {
        super(message);
    }
}
