package io.hybridctl.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.rolesanywhere.RolesAnywhereClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The SDK clients of one command run, built alike: one HTTP client (Apache: IAM Roles Anywhere's UpdateCrl is a PATCH, which url-connection cannot send; docs/decisions.md), the SDK's
 * standard retry mode (throttling and transient errors back off and retry), the chosen credentials and region.
 * Built lazily, so a command only touches the services it calls.
 */
public final class AwsClients implements AutoCloseable {

    private final AwsTarget target;
    private final Region region;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> open = new ArrayList<>();
    private CloudFormationClient cloudFormation;
    private Ec2Client ec2;
    private EksClient eks;
    private SsmClient ssm;
    private RolesAnywhereClient rolesAnywhere;
    private StsClient sts;

    /** {@code specRegion} is used when neither --region nor the SDK's region chain names one. */
    public AwsClients(AwsTarget target, String specRegion) {
        this.target = target;
        this.region = Region.of(target.region().orElseGet(() -> chainRegion(target).orElse(specRegion)));
        this.http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build();
        this.credentials = target.profile().isPresent()
                ? DefaultCredentialsProvider.builder().profileName(target.profile().get()).build()
                : DefaultCredentialsProvider.builder().build();
    }

    private static java.util.Optional<String> chainRegion(AwsTarget target) {
        try {
            DefaultAwsRegionProviderChain.Builder b = DefaultAwsRegionProviderChain.builder();
            target.profile().ifPresent(b::profileName);
            return java.util.Optional.of(b.build().getRegion().id());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public Region region() {
        return region;
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C build(B builder) {
        builder.region(region).credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.standardRetryStrategy()).build());
        target.profile().ifPresent(p -> builder.overrideConfiguration(o -> o.defaultProfileName(p).defaultProfileFile(ProfileFile.defaultProfileFile())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy())));
        target.endpoint().ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        C client = builder.build();
        open.add(client);
        return client;
    }

    private static <T> T lazily(T current, Supplier<T> make) {
        return current != null ? current : make.get();
    }

    public synchronized CloudFormationClient cloudFormation() {
        return cloudFormation = lazily(cloudFormation, () -> build(CloudFormationClient.builder()));
    }

    public synchronized Ec2Client ec2() {
        return ec2 = lazily(ec2, () -> build(Ec2Client.builder()));
    }

    public synchronized EksClient eks() {
        return eks = lazily(eks, () -> build(EksClient.builder()));
    }

    public synchronized SsmClient ssm() {
        return ssm = lazily(ssm, () -> build(SsmClient.builder()));
    }

    public synchronized RolesAnywhereClient rolesAnywhere() {
        return rolesAnywhere = lazily(rolesAnywhere, () -> build(RolesAnywhereClient.builder()));
    }

    public synchronized StsClient sts() {
        return sts = lazily(sts, () -> build(StsClient.builder()));
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a client frees sockets; nothing to report
            }
        }
        http.close();
    }
}
