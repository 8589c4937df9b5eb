package io.hybridctl.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsCallTest {

    static AwsServiceException error(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message + "\nrequest id: 1").build()).build();
    }

    @Test
    void deniedCallsNameTheirIamAction() {
        for (String code : new String[] {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation"}) {
            assertThatThrownBy(() -> AwsCall.run(AwsAction.EC2_DESCRIBE_ROUTE_TABLES, () -> {
                throw error(403, code, "You are not authorized to perform this operation.");
            })).isInstanceOfSatisfying(AwsProblem.class, p -> {
                assertThat(p.kind()).isEqualTo(AwsProblem.Kind.MISSING_PERMISSION);
                assertThat(p.getMessage()).isEqualTo("missing permission ec2:DescribeRouteTables (" + code
                        + ": You are not authorized to perform this operation.); grant it (docs/apply.md has the minimal policy: hybridctl apply --print-policy)");
            });
        }
    }

    @Test
    void otherRefusalsKeepTheServicesCodeOnOneLine() {
        AwsProblem p = AwsCall.problem(AwsAction.CFN_CREATE_CHANGE_SET, error(400, "ValidationError", "Template format error"));
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.REFUSED);
        assertThat(p.getMessage()).isEqualTo("cloudformation:CreateChangeSet failed (ValidationError: Template format error)");
        AwsProblem expired = AwsCall.problem(AwsAction.CFN_CREATE_CHANGE_SET, error(403, "ExpiredToken", "The security token included in the request is expired"));
        assertThat(expired.kind()).as("an expired token is not a missing permission").isEqualTo(AwsProblem.Kind.REFUSED);
    }
}
