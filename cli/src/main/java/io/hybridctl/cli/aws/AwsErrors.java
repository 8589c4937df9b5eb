package io.hybridctl.cli.aws;

import io.hybridctl.aws.AwsProblem;
import io.hybridctl.cli.UserError;

/** Exit codes for AWS problems: what AWS refused or failed is a finding (1); missing access or configuration is unusable input (2). */
final class AwsErrors {

    private AwsErrors() {
    }

    static UserError of(AwsProblem p) {
        int code = switch (p.kind()) {
            case MISSING_PERMISSION, NOT_CONFIGURED -> 2;
            case FAILED, REFUSED -> 1;
        };
        return new UserError(code, p.getMessage());
    }
}
