package io.hybridctl.aws.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hybridctl.aws.AwsAction;
import io.hybridctl.aws.AwsCall;
import io.hybridctl.aws.AwsClients;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.aws.cluster.ClusterNetworkUpdater;
import io.hybridctl.aws.cluster.ExistingCluster;
import io.hybridctl.aws.cluster.RegisteredNode;
import io.hybridctl.aws.cluster.RemoteNetworks;
import io.hybridctl.aws.ssm.SiteActivations;
import io.hybridctl.aws.stack.ChangeSetPreview;
import io.hybridctl.aws.stack.ExistingClusterTemplate;
import io.hybridctl.aws.stack.StackDeployer;
import io.hybridctl.aws.stack.TemplateParameters;
import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.render.nodeadm.SsmActivation;
import io.hybridctl.plan.stack.StackOutputs;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Vpc;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * hybridctl apply: the plan's stack through a change set (shown first, executed only when approved), then an existing
 * cluster's remote networks, then SSM activations when asked. Every mutating call of hybridctl is here.
 */
public final class Applier {

    /** What the person asked for. */
    public record Request(HybridCluster spec, RenderedPlan plan, boolean approve, boolean force, boolean createActivations) {
    }

    /** What happened: the preview, whether anything was executed, and what AWS now reports. */
    public record Result(ChangeSetPreview preview, Optional<RemoteNetworks.Change> clusterChange, List<RegisteredNode> cutOff, boolean executed,
                         Optional<StackOutputs> outputs, Map<String, SsmActivation> activations) {

        /** terraform plan -detailed-exitcode: something would change and was not approved. */
        public boolean pending() {
            return !executed && (!preview.empty() || clusterChange.map(c -> !c.empty()).orElse(false));
        }
    }

    private final AwsClients aws;
    private final StackDeployer.Pacer pacer;
    private final Clock clock;

    public Applier(AwsClients aws, StackDeployer.Pacer pacer, Clock clock) {
        this.aws = aws;
        this.pacer = pacer;
        this.clock = clock;
    }

    public Result apply(Request req, ApplyListener listener) throws AwsProblem, InterruptedException {
        HybridCluster spec = req.spec();
        String stackName = StackOutputs.stackName(spec);
        StackDeployer deployer = new StackDeployer(aws.cloudFormation(), pacer);
        ClusterNetworkUpdater clusters = new ClusterNetworkUpdater(aws.eks(), pacer);

        String templatePath = spec.vpc() instanceof Vpc.NewVpc ? ArtifactPaths.CFN_NEW_VPC : ArtifactPaths.CFN_EXISTING_VPC;
        String body = req.plan().get(templatePath).text();
        Optional<ExistingCluster> cluster = clusters.describe(spec.name());
        boolean external = cluster.isPresent() && !ownedBy(cluster.get(), stackName);
        Optional<RemoteNetworks.Change> clusterChange = Optional.empty();
        List<RegisteredNode> cutOff = List.of();
        if (external) {
            body = adopt(body, spec.name());
            listener.note("cluster " + spec.name() + " exists outside stack " + stackName + ": the stack leaves it alone, its remote networks change through UpdateClusterConfig");
            RemoteNetworks want = RemoteNetworks.of(req.plan().intent().remoteNodeNetworks(), req.plan().intent().remotePodNetworks());
            RemoteNetworks.Change change = want.from(cluster.get().networks());
            clusterChange = Optional.of(change);
            if (!change.removed().isEmpty()) {
                try {
                    cutOff = ClusterNetworkUpdater.nodesIn(aws.ssm(), change.removed());
                } catch (AwsProblem p) {
                    listener.note("cannot list the hybrid nodes in the removed networks (" + p.getMessage() + "); check `kubectl get nodes -o wide` yourself");
                }
            }
        }
        ChangeSetPreview preview = deployer.preview(stackName, body, TemplateParameters.defaults(body));
        listener.preview(preview, clusterChange, cutOff);
        boolean clusterPending = clusterChange.map(c -> !c.empty()).orElse(false);
        if (!req.approve()) {
            Optional<StackOutputs> outputs = deployer.describe(stackName).isPresent() && !preview.newStack() ? Optional.of(deployer.outputs(stackName)) : Optional.empty();
            return new Result(preview, clusterChange, cutOff, false, outputs, Map.of());
        }
        if (!cutOff.isEmpty() && !req.force()) {
            throw new AwsProblem(AwsProblem.Kind.REFUSED, AwsAction.EKS_UPDATE_CLUSTER_CONFIG, "removing " + clusterChange.get().removed() + " from cluster "
                    + spec.name() + " would cut off registered hybrid nodes " + cutOff.stream().map(n -> n.name() + " (" + n.address() + ")").toList()
                    + "; drain and deregister them first, or pass --force");
        }
        boolean executed = false;
        if (!preview.empty()) {
            listener.note("executing change set " + preview.changeSetName() + " on stack " + stackName);
            StackDeployer.Outcome outcome = deployer.execute(preview, listener::event,
                    on -> listener.inFlight(on ? Optional.of(stillRunning(preview)) : Optional.empty()));
            if (!outcome.succeeded()) {
                String why = outcome.firstFailure().map(e -> "first failure: " + e.logicalId() + " (" + e.resourceType() + ") " + e.status() + ": " + e.reason())
                        .orElse("no resource reported a reason");
                throw new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.CFN_EXECUTE_CHANGE_SET, "stack " + stackName + " is " + outcome.stackStatus() + "; " + why
                        + "; all events: `aws cloudformation describe-stack-events --stack-name " + stackName + "`");
            }
            listener.note("stack " + stackName + " is " + outcome.stackStatus());
            executed = true;
        }
        if (clusterPending) {
            listener.inFlight(Optional.of("EKS is updating cluster " + spec.name() + "'s remote networks; an interrupt does not stop it. Watch it with "
                    + "`aws eks list-updates --name " + spec.name() + "` and `aws eks describe-cluster --name " + spec.name() + "`"));
            try {
                clusters.update(spec.name(), clusterChange.get(), listener::note);
            } finally {
                listener.inFlight(Optional.empty());
            }
            executed = true;
        }
        StackOutputs outputs = deployer.outputs(stackName);
        Map<String, SsmActivation> activations = new LinkedHashMap<>();
        if (req.createActivations()) {
            if (spec.credentials().provider() != Credentials.Provider.SSM) {
                listener.note("--ssm-activations ignored: the spec's credentials provider is IAM Roles Anywhere");
            } else {
                String role = spec.credentials().roleArn().orElse(outputs.get(StackOutputs.ROLE_ARN).orElse(null));
                if (role == null) {
                    throw new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.SSM_CREATE_ACTIVATION, "stack " + stackName + " has no output " + StackOutputs.ROLE_ARN
                            + " and the spec no credentials.roleARN: no role for the activations");
                }
                String clusterArn = cluster.map(ExistingCluster::arn).orElseGet(() -> clusterArn(spec));
                activations.putAll(new SiteActivations(aws.ssm(), clock).create(spec, SiteActivations.roleName(role), clusterArn));
                listener.note("created SSM activations for " + activations.keySet() + " (registration limit = hosts + margin, expiring in "
                        + SiteActivations.LIFETIME.toDays() + " days); codes are only in the 0600 files under ssm/");
            }
        }
        return new Result(preview, clusterChange, cutOff, executed, Optional.of(outputs), activations);
    }

    private String clusterArn(HybridCluster spec) {
        String account = "";
        try {
            account = AwsCall.run(AwsAction.STS_GET_CALLER_IDENTITY, () -> aws.sts().getCallerIdentity()).account();
        } catch (AwsProblem e) {
            // the tag is informative; an empty account still names the cluster
        }
        return "arn:" + spec.cluster().partition() + ":eks:" + aws.region().id() + ":" + account + ":cluster/" + spec.name();
    }

    /** CloudFormation tags a cluster it created with its stack's name; anything else was made elsewhere. */
    private static boolean ownedBy(ExistingCluster c, String stackName) {
        return stackName.equals(c.tags().get("aws:cloudformation:stack-name"));
    }

    public static String stillRunning(ChangeSetPreview p) {
        return "change set " + p.changeSetName() + " is still executing on stack " + p.stackName()
                + " (CloudFormation carries on without hybridctl). Watch it with `aws cloudformation describe-stack-events --stack-name " + p.stackName()
                + "` or wait with `aws cloudformation wait stack-" + (p.newStack() ? "create" : "update") + "-complete --stack-name " + p.stackName() + "`";
    }

    static String adopt(String yaml, String clusterName) throws AwsProblem {
        try {
            ObjectNode t = (ObjectNode) new YAMLMapper().readTree(yaml);
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ExistingClusterTemplate.adopt(t, clusterName));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("plan's template does not parse as YAML: " + e.getMessage(), e);
        }
    }
}
