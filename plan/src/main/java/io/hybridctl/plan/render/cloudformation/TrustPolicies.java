package io.hybridctl.plan.render.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.plan.render.Yaml;

import java.util.List;

/** IAM policy documents as AWS documents them (credentials.md §2, §3.3, §4), not as eksctl writes them. */
final class TrustPolicies {

    /** The CN condition: a node may only take the session name equal to its certificate's CN, i.e. its own name. */
    static final String CN_SESSION_NAME = "${aws:PrincipalTag/x509Subject/CN}";

    private TrustPolicies() {
    }

    private static ObjectNode document() {
        ObjectNode d = Yaml.object();
        d.put("Version", "2012-10-17");
        d.putArray("Statement");
        return d;
    }

    private static ObjectNode statement(ObjectNode doc, String service) {
        ObjectNode s = ((ArrayNode) doc.get("Statement")).addObject();
        s.put("Effect", "Allow");
        s.putObject("Principal").set("Service", Cfn.findInMap(CloudFormationRenderer.PARTITIONS, Cfn.ref("AWS::Partition"), service));
        return s;
    }

    /** SSM hybrid activations: only SSM acting for this account, from this Region's activations. */
    static ObjectNode ssm() {
        ObjectNode doc = document();
        ObjectNode s = statement(doc, "SSM");
        s.put("Action", "sts:AssumeRole");
        ObjectNode cond = s.putObject("Condition");
        cond.putObject("StringEquals").set("aws:SourceAccount", Cfn.ref("AWS::AccountId"));
        cond.putObject("ArnEquals").set("aws:SourceArn", Cfn.sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:*"));
        return doc;
    }

    /** The two statements of aws/eks-hybrid example/hybrid-ira-cfn.yaml, both bound to the trust anchor. */
    static ObjectNode rolesAnywhere(JsonNode trustAnchorArn) {
        ObjectNode doc = document();
        ObjectNode tag = statement(doc, "IRA");
        tag.putArray("Action").add("sts:TagSession").add("sts:SetSourceIdentity");
        tag.putObject("Condition").putObject("ArnEquals").set("aws:SourceArn", trustAnchorArn);
        ObjectNode assume = statement(doc, "IRA");
        assume.put("Action", "sts:AssumeRole");
        ObjectNode cond = assume.putObject("Condition");
        cond.putObject("StringEquals").put("sts:RoleSessionName", CN_SESSION_NAME);
        cond.putObject("ArnEquals").set("aws:SourceArn", trustAnchorArn);
        return doc;
    }

    static ObjectNode eksService() {
        ObjectNode doc = document();
        ObjectNode s = statement(doc, "EKS");
        s.putArray("Action").add("sts:AssumeRole").add("sts:TagSession");
        return doc;
    }

    /**
     * DescribeCluster and ListAccessEntries scoped to this cluster (nodeadm needs both), and for SSM the permissions
     * `nodeadm uninstall` uses, deregistration limited to instances tagged with this cluster's ARN.
     */
    static List<ObjectNode> inlinePolicies(String cluster, boolean ira) {
        String clusterArn = "arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:cluster/" + cluster;
        ObjectNode eks = Yaml.object();
        eks.put("PolicyName", "EKSHybridNode");
        ObjectNode doc = document();
        eks.set("PolicyDocument", doc);
        ObjectNode s = ((ArrayNode) doc.get("Statement")).addObject();
        s.put("Effect", "Allow");
        s.putArray("Action").add("eks:DescribeCluster").add("eks:ListAccessEntries");
        s.set("Resource", Cfn.sub(clusterArn));
        if (!ira) {
            ObjectNode describe = ((ArrayNode) doc.get("Statement")).addObject();
            describe.put("Effect", "Allow");
            describe.put("Action", "ssm:DescribeInstanceInformation");
            describe.put("Resource", "*");
            ObjectNode dereg = ((ArrayNode) doc.get("Statement")).addObject();
            dereg.put("Effect", "Allow");
            dereg.put("Action", "ssm:DeregisterManagedInstance");
            dereg.set("Resource", Cfn.sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:managed-instance/*"));
            dereg.putObject("Condition").putObject("StringEquals").set("ssm:resourceTag/EKSClusterARN", Cfn.sub(clusterArn));
        }
        return List.of(eks);
    }
}
