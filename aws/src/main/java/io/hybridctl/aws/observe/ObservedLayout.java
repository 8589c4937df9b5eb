package io.hybridctl.aws.observe;

/** The files of verify's observed layout that observe writes (docs/verify.md, "Observed state"). */
public final class ObservedLayout {

    public static final String ROUTE_TABLES = "aws/route-tables.json";
    public static final String SECURITY_GROUPS = "aws/security-groups.json";
    public static final String TRANSIT_GATEWAY_ROUTES = "aws/transit-gateway-routes.json";
    /** `aws eks describe-cluster`: the remote network config the cluster really has. */
    public static final String EKS_CLUSTER = "aws/eks-cluster.json";

    private ObservedLayout() {
    }
}
