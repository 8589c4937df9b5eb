package io.hybridctl.plan.render.cni;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.plan.render.Yaml;

/** The eks.amazonaws.com/compute-type node affinity that keeps components on (In) or off (NotIn) hybrid nodes. */
public final class HybridAffinity {

    public static final String COMPUTE_TYPE = "eks.amazonaws.com/compute-type";

    private HybridAffinity() {
    }

    public static ObjectNode required(String operator) {
        ObjectNode affinity = Yaml.object();
        ObjectNode expr = affinity.putObject("nodeAffinity").putObject("requiredDuringSchedulingIgnoredDuringExecution")
                .putArray("nodeSelectorTerms").addObject().putArray("matchExpressions").addObject();
        expr.put("key", COMPUTE_TYPE);
        expr.put("operator", operator);
        expr.putArray("values").add("hybrid");
        return affinity;
    }

    public static ObjectNode onHybrid() {
        return required("In");
    }

    public static ObjectNode offHybrid() {
        return required("NotIn");
    }
}
