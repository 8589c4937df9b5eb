package io.hybridctl.verify.flows;

import io.hybridctl.netmodel.flow.Trace;
import io.hybridctl.verify.explain.Explanation;

import java.util.Optional;

/**
 * One failing (or, for a must-not flow, succeeding) group of packets. `verdict` is a Batfish disposition name, or
 * NOT_ESTABLISHED for a BGP session. `reply` marks a failure on the way back.
 */
public record Finding(String flow, String header, boolean reply, String source, String destination, String verdict,
                      Optional<Trace> trace, Explanation explanation) {
}
