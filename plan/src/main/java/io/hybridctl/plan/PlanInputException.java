package io.hybridctl.plan;

/** An input file besides the spec (lock, activation, CA, certificate) cannot be used; the message says why and how to fix it. */
public final class PlanInputException extends Exception {

    public PlanInputException(String message) {
        super(message);
    }
}
