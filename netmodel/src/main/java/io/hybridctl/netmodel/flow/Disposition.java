package io.hybridctl.netmodel.flow;

/** How a flow ends, named as Batfish's FlowDisposition. */
public enum Disposition {
    ACCEPTED, DENIED_IN, DENIED_OUT, NO_ROUTE, NULL_ROUTED, LOOP, NEIGHBOR_UNREACHABLE;

    public boolean success() {
        return this == ACCEPTED;
    }
}
