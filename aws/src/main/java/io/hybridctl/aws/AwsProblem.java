package io.hybridctl.aws;

/**
 * An AWS call that did not do what was asked, as one line a user can act on: the action and what to do. Never holds
 * a secret: messages are built from AWS error codes and messages, which do not echo request bodies.
 */
public final class AwsProblem extends Exception {

    /** What went wrong, which decides the exit code the CLI gives. */
    public enum Kind {
        /** AccessDenied / UnauthorizedOperation: the caller lacks the named IAM action. */
        MISSING_PERMISSION,
        /** No usable credentials, region or endpoint. */
        NOT_CONFIGURED,
        /** The call was accepted but the change failed (stack rollback, failed update). */
        FAILED,
        /** Anything else the service refused. */
        REFUSED
    }

    private final Kind kind;
    private final AwsAction action;

    public AwsProblem(Kind kind, AwsAction action, String message) {
        super(message);
        this.kind = kind;
        this.action = action;
    }

    public Kind kind() {
        return kind;
    }

    public AwsAction action() {
        return action;
    }
}
