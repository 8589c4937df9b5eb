package io.hybridctl.aws.stack;

import io.hybridctl.aws.AwsAction;
import io.hybridctl.aws.AwsCall;
import io.hybridctl.aws.AwsProblem;
import io.hybridctl.plan.stack.StackOutputs;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Deploys the plan's template through a change set, never directly: {@link #preview} creates (or finds) the change set
 * and reads what it would do; {@link #execute} runs exactly that change set and streams the stack's events.
 */
public final class StackDeployer {

    /** CloudFormation's limit for an inline template; larger ones need an S3 URL. */
    static final int TEMPLATE_BODY_LIMIT = 51_200;
    static final String NO_CHANGES = "didn't contain changes";
    static final String NO_UPDATES = "No updates are to be performed";

    private final CloudFormationClient cfn;
    private final Pacer pacer;

    /** Waits between polls; tests pass one that does not sleep. */
    public interface Pacer {
        void pause(Duration d) throws InterruptedException;

        Pacer REAL = Thread::sleep;
    }

    public StackDeployer(CloudFormationClient cfn, Pacer pacer) {
        this.cfn = cfn;
        this.pacer = pacer;
    }

    /** The change set name for a template and its parameters: the same inputs always name the same change set. */
    public static String changeSetName(String templateBody, Map<String, String> parameters) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(templateBody.getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(parameters).forEach((k, v) -> d.update(("\0" + k + "=" + v).getBytes(StandardCharsets.UTF_8)));
            return "hybridctl-" + HexFormat.of().formatHex(d.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Stack> describe(String stackName) throws AwsProblem {
        try {
            List<Stack> stacks = cfn.describeStacks(r -> r.stackName(stackName)).stacks();
            return stacks.isEmpty() ? Optional.empty() : Optional.of(stacks.get(0));
        } catch (AwsServiceException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                return Optional.empty();
            }
            throw AwsCall.problem(AwsAction.CFN_DESCRIBE_STACKS, e);
        }
    }

    public ChangeSetPreview preview(String stackName, String templateBody, Map<String, String> parameters) throws AwsProblem, InterruptedException {
        if (templateBody.getBytes(StandardCharsets.UTF_8).length > TEMPLATE_BODY_LIMIT) {
            throw new AwsProblem(AwsProblem.Kind.REFUSED, AwsAction.CFN_CREATE_CHANGE_SET, "the template is larger than CloudFormation's "
                    + TEMPLATE_BODY_LIMIT + "-byte inline limit; deploy out/cloudformation/*.yaml through an S3 bucket (aws cloudformation deploy --s3-bucket)");
        }
        Optional<Stack> stack = describe(stackName);
        boolean create = stack.isEmpty() || stack.get().stackStatus() == StackStatus.REVIEW_IN_PROGRESS;
        if (stack.isPresent()) {
            refuseUnusable(stack.get());
        }
        String name = changeSetName(templateBody, parameters);
        Optional<DescribeChangeSetResponse> existing = create && stack.isEmpty() ? Optional.empty() : findChangeSet(stackName, name);
        DescribeChangeSetResponse cs;
        if (existing.isPresent() && existing.get().executionStatusAsString().equals("AVAILABLE")) {
            cs = existing.get();
        } else {
            if (existing.isPresent()) {
                deleteChangeSet(stackName, name);
            }
            List<Parameter> params = parameters.entrySet().stream().map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build()).toList();
            AwsCall.run(AwsAction.CFN_CREATE_CHANGE_SET, () -> cfn.createChangeSet(r -> r.stackName(stackName).changeSetName(name)
                    .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE).templateBody(templateBody).parameters(params)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                    .description("hybridctl apply: review with hybridctl apply, run with hybridctl apply --approve")));
            cs = awaitChangeSet(stackName, name);
        }
        if (cs.statusAsString().equals("FAILED")) {
            String reason = String.valueOf(cs.statusReason());
            if (reason.contains(NO_CHANGES) || reason.contains(NO_UPDATES)) {
                deleteChangeSet(stackName, name);
                return new ChangeSetPreview(stackName, name, false, List.of());
            }
            throw new AwsProblem(AwsProblem.Kind.REFUSED, AwsAction.CFN_CREATE_CHANGE_SET, "CloudFormation could not create change set " + name
                    + " for " + stackName + ": " + reason);
        }
        return new ChangeSetPreview(stackName, name, create, changes(stackName, name, cs));
    }

    private static void refuseUnusable(Stack s) throws AwsProblem {
        String status = s.stackStatusAsString();
        if (status.equals("ROLLBACK_COMPLETE") || status.equals("ROLLBACK_FAILED") || status.equals("DELETE_FAILED")) {
            throw new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.CFN_DESCRIBE_STACKS, "stack " + s.stackName() + " is " + status
                    + " (its first creation failed) and cannot be updated; see why with `aws cloudformation describe-stack-events --stack-name "
                    + s.stackName() + "`, delete it with `aws cloudformation delete-stack --stack-name " + s.stackName() + "`, then apply again");
        }
        if (status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS")) {
            throw new AwsProblem(AwsProblem.Kind.REFUSED, AwsAction.CFN_DESCRIBE_STACKS, "stack " + s.stackName() + " is " + status
                    + "; wait for it (`aws cloudformation wait stack-update-complete --stack-name " + s.stackName() + "`), then apply again");
        }
    }

    private Optional<DescribeChangeSetResponse> findChangeSet(String stackName, String name) throws AwsProblem {
        try {
            return Optional.of(cfn.describeChangeSet(r -> r.stackName(stackName).changeSetName(name)));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 || String.valueOf(e.getMessage()).contains("does not exist")
                    || e.awsErrorDetails() != null && "ChangeSetNotFound".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw AwsCall.problem(AwsAction.CFN_DESCRIBE_CHANGE_SET, e);
        }
    }

    private void deleteChangeSet(String stackName, String name) throws AwsProblem {
        AwsCall.run(AwsAction.CFN_DELETE_CHANGE_SET, () -> cfn.deleteChangeSet(r -> r.stackName(stackName).changeSetName(name)));
    }

    private DescribeChangeSetResponse awaitChangeSet(String stackName, String name) throws AwsProblem, InterruptedException {
        Duration wait = Duration.ofSeconds(1);
        for (int i = 0; i < 600; i++) {
            DescribeChangeSetResponse cs = AwsCall.run(AwsAction.CFN_DESCRIBE_CHANGE_SET, () -> cfn.describeChangeSet(r -> r.stackName(stackName).changeSetName(name)));
            String st = cs.statusAsString();
            if (st.equals("CREATE_COMPLETE") || st.equals("FAILED")) {
                return cs;
            }
            pacer.pause(wait);
            wait = wait.compareTo(Duration.ofSeconds(5)) < 0 ? wait.plusSeconds(1) : wait;
        }
        throw new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.CFN_DESCRIBE_CHANGE_SET, "change set " + name + " was not ready after 50 minutes; look at it with "
                + "`aws cloudformation describe-change-set --stack-name " + stackName + " --change-set-name " + name + "`");
    }

    private List<ResourceChange> changes(String stackName, String name, DescribeChangeSetResponse first) throws AwsProblem {
        List<ResourceChange> out = new ArrayList<>();
        DescribeChangeSetResponse page = first;
        while (true) {
            for (Change c : page.changes()) {
                if (c.resourceChange() == null) {
                    continue;
                }
                var rc = c.resourceChange();
                List<String> props = rc.details().stream().filter(d -> d.target() != null && d.target().name() != null)
                        .map(d -> d.target().name()).distinct().toList();
                out.add(new ResourceChange(rc.actionAsString(), rc.logicalResourceId(), rc.resourceType(), rc.replacementAsString(), props));
            }
            String token = page.nextToken();
            if (token == null || token.isEmpty()) {
                return out;
            }
            page = AwsCall.run(AwsAction.CFN_DESCRIBE_CHANGE_SET, () -> cfn.describeChangeSet(r -> r.stackName(stackName).changeSetName(name).nextToken(token)));
        }
    }

    /** What an execution ended with: the stack's final status and, when it failed, the first failed resource's reason. */
    public record Outcome(String stackStatus, Optional<StackEvent> firstFailure) {
        public boolean succeeded() {
            return stackStatus.equals("CREATE_COMPLETE") || stackStatus.equals("UPDATE_COMPLETE") || stackStatus.equals("IMPORT_COMPLETE");
        }
    }

    /**
     * Executes the previewed change set and reports each new stack event until the stack settles. {@code running} is
     * set while the execution is in flight, so an interrupt can say what is still running and how to watch it.
     */
    public Outcome execute(ChangeSetPreview preview, Consumer<StackEvent> progress, Consumer<Boolean> running) throws AwsProblem, InterruptedException {
        String stack = preview.stackName();
        Set<String> seen = new HashSet<>();
        // Events before the execution are history, not progress.
        events(stack, seen);
        AwsCall.run(AwsAction.CFN_EXECUTE_CHANGE_SET, () -> cfn.executeChangeSet(r -> r.stackName(stack).changeSetName(preview.changeSetName())));
        running.accept(true);
        Optional<StackEvent> firstFailure = Optional.empty();
        Duration wait = Duration.ofSeconds(2);
        try {
            for (int i = 0; i < 2_000; i++) {
                for (StackEvent e : events(stack, seen)) {
                    progress.accept(e);
                    if (e.failed() && firstFailure.isEmpty() && !e.logicalId().equals(stack)) {
                        firstFailure = Optional.of(e);
                    }
                }
                Stack s = describe(stack).orElseThrow(() -> new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.CFN_DESCRIBE_STACKS,
                        "stack " + stack + " disappeared while its change set ran"));
                String status = s.stackStatusAsString();
                if (!status.endsWith("_IN_PROGRESS")) {
                    for (StackEvent e : events(stack, seen)) {
                        progress.accept(e);
                        if (e.failed() && firstFailure.isEmpty() && !e.logicalId().equals(stack)) {
                            firstFailure = Optional.of(e);
                        }
                    }
                    if (firstFailure.isEmpty() && s.stackStatusReason() != null && !status.endsWith("_COMPLETE")) {
                        firstFailure = Optional.of(new StackEvent(Instant.now(), stack, "AWS::CloudFormation::Stack", status, s.stackStatusReason()));
                    }
                    return new Outcome(status, firstFailure);
                }
                pacer.pause(wait);
                wait = wait.compareTo(Duration.ofSeconds(10)) < 0 ? wait.plusSeconds(2) : wait;
            }
        } finally {
            running.accept(false);
        }
        throw new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.CFN_DESCRIBE_STACKS, "stack " + stack + " is still changing after many hours; watch it with "
                + "`aws cloudformation describe-stack-events --stack-name " + stack + "`");
    }

    /** New events, oldest first (the API lists newest first). */
    private List<StackEvent> events(String stack, Set<String> seen) throws AwsProblem {
        List<StackEvent> fresh = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = AwsCall.run(AwsAction.CFN_DESCRIBE_STACK_EVENTS, () -> cfn.describeStackEvents(r -> r.stackName(stack).nextToken(t)));
            boolean old = false;
            for (var e : page.stackEvents()) {
                if (!seen.add(e.eventId())) {
                    old = true;
                    continue;
                }
                fresh.add(new StackEvent(e.timestamp(), e.logicalResourceId(), String.valueOf(e.resourceType()), e.resourceStatusAsString(),
                        e.resourceStatusReason() == null ? "" : e.resourceStatusReason()));
            }
            token = old ? null : page.nextToken();
        } while (token != null);
        return fresh.reversed();
    }

    public StackOutputs outputs(String stackName) throws AwsProblem {
        Stack s = describe(stackName).orElseThrow(() -> new AwsProblem(AwsProblem.Kind.FAILED, AwsAction.CFN_DESCRIBE_STACKS, "stack " + stackName + " does not exist"));
        Map<String, String> outs = new TreeMap<>();
        s.outputs().forEach(o -> outs.put(o.outputKey(), o.outputValue()));
        return new StackOutputs(stackName, Optional.ofNullable(s.stackStatusAsString()), outs);
    }
}
