package io.hybridctl.aws.ssm;

import io.hybridctl.aws.AwsAction;
import io.hybridctl.aws.AwsCall;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SSM hybrid activation per site (SSM CreateActivation), for the hybrid nodes role. The registration limit is the
 * site's host count plus a margin for re-joins and replacements; the expiry is a few days, well inside SSM's 30-day
 * ceiling; tags name the cluster and the site. The code is a secret: it goes into the returned
 * {@link SsmActivation} (whose toString hides it) and from there only into 0600 files.
 */
public final class SiteActivations {

    /** Re-joins after a reinstall each take a registration; 20 % (at least 2) leaves room without inviting strangers. */
    public static int registrationLimit(int hosts) {
        return Math.min(1000, hosts + Math.max(2, (int) Math.ceil(hosts * 0.2)));
    }

    public static final Duration LIFETIME = Duration.ofDays(7);

    private final SsmClient ssm;
    private final Clock clock;

    public SiteActivations(SsmClient ssm, Clock clock) {
        this.ssm = ssm;
        this.clock = clock;
    }

    /** Site name -> activation, in spec order. {@code roleName} is the role's name (SSM takes a name, not an ARN). */
    public Map<String, SsmActivation> create(HybridCluster spec, String roleName, String clusterArn) throws AwsProblem {
        Map<String, SsmActivation> out = new LinkedHashMap<>();
        Instant expiry = clock.instant().plus(LIFETIME);
        for (Site site : spec.sites()) {
            int hosts = site.hosts().size();
            if (hosts == 0) {
                continue;
            }
            var resp = AwsCall.run(AwsAction.SSM_CREATE_ACTIVATION, () -> ssm.createActivation(r -> r
                    .iamRole(roleName)
                    .defaultInstanceName(spec.name() + "-" + site.name())
                    .description("hybridctl: hybrid nodes of site " + site.name() + " in cluster " + spec.name())
                    .registrationLimit(registrationLimit(hosts))
                    .expirationDate(expiry)
                    .tags(List.of(Tag.builder().key("EKSClusterARN").value(clusterArn).build(),
                            Tag.builder().key("hybridctl.io/cluster").value(spec.name()).build(),
                            Tag.builder().key("hybridctl.io/site").value(site.name()).build()))));
            try {
                out.put(site.name(), new SsmActivation(resp.activationId(), resp.activationCode()));
            } catch (IllegalArgumentException e) {
                throw new AwsProblem(AwsProblem.Kind.REFUSED, AwsAction.SSM_CREATE_ACTIVATION, "SSM returned an activation for site " + site.name()
                        + " that nodeadm would reject: " + e.getMessage());
            }
        }
        return out;
    }

    /** The role name from its ARN (arn:aws:iam::123:role/path/name -> name). */
    public static String roleName(String roleArn) {
        int slash = roleArn.lastIndexOf('/');
        return slash < 0 ? roleArn : roleArn.substring(slash + 1);
    }
}
