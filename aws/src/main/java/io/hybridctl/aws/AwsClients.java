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

    /** The spec's region unless --region says otherwise: the spec names where the cluster is, not the shell's profile. */
    public AwsClients(AwsTarget target, String specRegion) {
        this.target = target;
        this.region = Region.of(target.region().orElse(specRegion));
        this.http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build();
        this.credentials = target.profile().isPresent()
                ? DefaultCredentialsProvider.builder().profileName(target.profile().get()).build()
                : DefaultCredentialsProvider.builder().build();
    }

    public Region region() {
        return region;
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C build(B builder) {
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.standardRetryStrategy());
        // The profile's own settings (endpoint_url, services sections) apply to the clients too, not only its credentials.
        target.profile().ifPresent(p -> o.defaultProfileName(p).defaultProfileFile(ProfileFile.defaultProfileFile()));
        builder.region(region).credentialsProvider(credentials).overrideConfiguration(o.build());
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
