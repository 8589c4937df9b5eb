package io.hybridctl.netmodel.flow;

import io.hybridctl.net.AddressRange;

/** A run of sources and a run of destinations that share one trace. */
public record Outcome(AddressRange sources, AddressRange destinations, Trace trace) {

    public Disposition disposition() {
        return trace.disposition();
    }
}
