package io.hybridctl.netmodel.flow;

import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;

/** Packets that start at `source` with a source address in `sources`, to any address in `destinations`. */
public record Query(String source, PrefixSet sources, PrefixSet destinations, Header header) {
}
