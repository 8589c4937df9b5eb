package io.hybridctl.cli.aws;

import io.hybridctl.aws.AwsTarget;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Optional;

/** The AWS options every AWS command shares; the SDK's standard credential chain applies to whatever is not given. */
public final class AwsOptions {

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from the AWS config/credentials files (default: the SDK's chain, AWS_PROFILE).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS Region (default: the spec's cluster.region).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this endpoint (an emulator); AWS_ENDPOINT_URL does the same.")
    URI endpoint;

    public AwsTarget target() {
        return new AwsTarget(Optional.ofNullable(profile), Optional.ofNullable(region), Optional.ofNullable(endpoint));
    }
}
