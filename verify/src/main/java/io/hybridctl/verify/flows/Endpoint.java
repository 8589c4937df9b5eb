package io.hybridctl.verify.flows;

import io.hybridctl.net.PrefixSet;

/** A place a flow starts or ends: a model node and the addresses it uses there, with a name for the report. */
public record Endpoint(String node, PrefixSet addresses, String label) {
}
