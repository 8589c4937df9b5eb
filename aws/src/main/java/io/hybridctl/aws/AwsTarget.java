package io.hybridctl.aws;

import java.net.URI;
import java.util.Optional;

/**
 * Where the AWS calls go: the SDK's standard credential chain, narrowed by --profile; --region, else the spec's
 * cluster.region; and an endpoint override (--endpoint-url). The
 * SDK itself honours AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt; and the config file's endpoint_url/services.
 */
public record AwsTarget(Optional<String> profile, Optional<String> region, Optional<URI> endpoint) {

    public static AwsTarget standard() {
        return new AwsTarget(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
