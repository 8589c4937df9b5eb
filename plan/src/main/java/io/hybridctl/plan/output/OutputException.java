package io.hybridctl.plan.output;

/** The plan could not be written; out/ is unchanged. The message names the path and the fix. */
public final class OutputException extends Exception {

    public OutputException(String message) {
        super(message);
    }
}
