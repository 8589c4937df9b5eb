package io.hybridctl.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Set;
import java.util.function.Supplier;

/** Runs one SDK call under its IAM action and turns the SDK's exceptions into {@link AwsProblem}s that name it. */
public final class AwsCall {

    static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException",
            "AuthorizationError", "AccessDeniedFault");

    private AwsCall() {
    }

    public static <T> T run(AwsAction action, Supplier<T> call) throws AwsProblem {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw problem(action, e);
        } catch (SdkClientException e) {
            throw new AwsProblem(AwsProblem.Kind.NOT_CONFIGURED, action, action.iamAction() + ": " + firstLine(e.getMessage())
                    + "; check the credentials (--profile, AWS_PROFILE), the region (--region) and the endpoint (--endpoint-url, AWS_ENDPOINT_URL)");
        }
    }

    public static AwsProblem problem(AwsAction action, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? firstLine(e.getMessage()) : e.awsErrorDetails().errorMessage();
        if (DENIED.contains(code) || e.statusCode() == 403 && !code.contains("Expired") && !code.contains("Signature")) {
            return new AwsProblem(AwsProblem.Kind.MISSING_PERMISSION, action, "missing permission " + action.iamAction() + " (" + code + ": " + firstLine(message)
                    + "); grant it (docs/apply.md has the minimal policy: hybridctl apply --print-policy)");
        }
        return new AwsProblem(AwsProblem.Kind.REFUSED, action, action.iamAction() + " failed (" + code + ": " + firstLine(message) + ")");
    }

    /** The SDK appends request ids and service names on further lines; one line is enough for a person. */
    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
