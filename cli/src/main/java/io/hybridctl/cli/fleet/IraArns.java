package io.hybridctl.cli.fleet;

import io.hybridctl.cli.UserError;

import java.util.regex.Pattern;

/** The shapes of the three IAM Roles Anywhere ARNs a NodeConfig names, checked before anything is sent. */
final class IraArns {

    static final Pattern TRUST_ANCHOR = Pattern.compile("arn:aws[a-z-]*:rolesanywhere:[a-z0-9-]+:[0-9]{12}:trust-anchor/[0-9a-f-]{36}");
    static final Pattern PROFILE = Pattern.compile("arn:aws[a-z-]*:rolesanywhere:[a-z0-9-]+:[0-9]{12}:profile/[0-9a-f-]{36}");
    static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");

    private IraArns() {
    }

    static void check(String option, String value, Pattern shape) {
        if (value == null || !shape.matcher(value).matches()) {
            String example = shape == TRUST_ANCHOR ? "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/<uuid>"
                    : shape == PROFILE ? "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/<uuid>" : "arn:aws:iam::111122223333:role/NAME";
            throw new UserError(2, option + " '" + value + "' is not an ARN of that kind; it looks like " + example
                    + " (the plan's CloudFormation stack outputs it)");
        }
    }
}
