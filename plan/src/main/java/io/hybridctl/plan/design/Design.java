package io.hybridctl.plan.design;

import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.ipam.Allocations;
import io.hybridctl.spec.model.HybridCluster;

import java.util.List;

/**
 * One design as every capability sees it: the spec it was derived from (in lenient mode, without the hosts no pod
 * block could be found for), every host's pod block, the network intent, and what lenient derivation had to change.
 */
public record Design(HybridCluster spec, Allocations allocations, NetworkIntent intent, List<String> notes) {

    public Design {
        notes = List.copyOf(notes);
    }
}
