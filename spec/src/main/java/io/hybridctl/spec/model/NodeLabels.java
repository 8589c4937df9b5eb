package io.hybridctl.spec.model;

/** The labels every hybrid node carries, set by its NodeConfig and matched by the CNI, LB and lab selectors. */
public final class NodeLabels {

    public static final String HOST = "hybridctl.io/host";
    public static final String SITE = "hybridctl.io/site";
    public static final String ZONE = "topology.kubernetes.io/zone";

    private NodeLabels() {
    }
}
