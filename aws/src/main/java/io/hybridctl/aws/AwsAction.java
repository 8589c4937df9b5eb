package io.hybridctl.aws;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every AWS API call hybridctl makes, with the commands that make it. Calls go through {@link AwsCall} naming their
 * action, so a missing permission is reported by its IAM action, and the minimal policy ({@link PolicyDocument}) is
 * generated from this list; a test checks the list against the calls actually sent.
 */
public enum AwsAction {
    CFN_DESCRIBE_STACKS("cloudformation", "DescribeStacks", Command.APPLY, Command.OBSERVE, Command.CRL),
    CFN_DESCRIBE_STACK_RESOURCES("cloudformation", "DescribeStackResources", Command.OBSERVE),
    CFN_CREATE_CHANGE_SET("cloudformation", "CreateChangeSet", Command.APPLY),
    CFN_DESCRIBE_CHANGE_SET("cloudformation", "DescribeChangeSet", Command.APPLY),
    CFN_EXECUTE_CHANGE_SET("cloudformation", "ExecuteChangeSet", Command.APPLY),
    CFN_DELETE_CHANGE_SET("cloudformation", "DeleteChangeSet", Command.APPLY),
    CFN_DESCRIBE_STACK_EVENTS("cloudformation", "DescribeStackEvents", Command.APPLY),
    EKS_DESCRIBE_CLUSTER("eks", "DescribeCluster", Command.APPLY, Command.OBSERVE),
    EKS_UPDATE_CLUSTER_CONFIG("eks", "UpdateClusterConfig", Command.APPLY),
    EKS_DESCRIBE_UPDATE("eks", "DescribeUpdate", Command.APPLY),
    EC2_DESCRIBE_ROUTE_TABLES("ec2", "DescribeRouteTables", Command.OBSERVE),
    EC2_DESCRIBE_SECURITY_GROUPS("ec2", "DescribeSecurityGroups", Command.OBSERVE),
    EC2_DESCRIBE_TRANSIT_GATEWAY_ROUTE_TABLES("ec2", "DescribeTransitGatewayRouteTables", Command.OBSERVE),
    EC2_SEARCH_TRANSIT_GATEWAY_ROUTES("ec2", "SearchTransitGatewayRoutes", Command.OBSERVE),
    SSM_CREATE_ACTIVATION("ssm", "CreateActivation", Command.APPLY),
    SSM_ADD_TAGS_TO_RESOURCE("ssm", "AddTagsToResource", Command.APPLY),
    SSM_DESCRIBE_INSTANCE_INFORMATION("ssm", "DescribeInstanceInformation", Command.APPLY),
    IAM_PASS_ROLE("iam", "PassRole", Command.APPLY),
    STS_GET_CALLER_IDENTITY("sts", "GetCallerIdentity", Command.APPLY),
    ROLESANYWHERE_LIST_CRLS("rolesanywhere", "ListCrls", Command.CRL),
    ROLESANYWHERE_IMPORT_CRL("rolesanywhere", "ImportCrl", Command.CRL),
    ROLESANYWHERE_UPDATE_CRL("rolesanywhere", "UpdateCrl", Command.CRL);

    /** The hybridctl commands, each with its own policy. */
    public enum Command {
        APPLY, OBSERVE, CRL;

        public String cliName() {
            return this == CRL ? "apply crl" : name().toLowerCase(Locale.ROOT);
        }
    }

    private final String service;
    private final String operation;
    private final Set<Command> commands;

    AwsAction(String service, String operation, Command first, Command... more) {
        this.service = service;
        this.operation = operation;
        this.commands = EnumSet.of(first, more);
    }

    /** The IAM action, e.g. ec2:DescribeRouteTables. */
    public String iamAction() {
        return service + ":" + operation;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public Set<Command> commands() {
        return commands;
    }

    /**
     * Calls the SDK makes on the caller's behalf without an API request of their own: iam:PassRole is checked by SSM when
     * CreateActivation names a role, ssm:AddTagsToResource when it carries tags.
     */
    public boolean impliedByAnotherCall() {
        return this == IAM_PASS_ROLE || this == SSM_ADD_TAGS_TO_RESOURCE;
    }
}
