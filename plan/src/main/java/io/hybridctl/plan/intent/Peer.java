package io.hybridctl.plan.intent;

import io.hybridctl.net.Prefix;

import java.util.List;

/** One side of an on-prem firewall rule: a named group of CIDRs, or an AWS endpoint known only by its host name. */
public sealed interface Peer permits Peer.Cidrs, Peer.Endpoint {

    String label();

    record Cidrs(String label, List<Prefix> prefixes) implements Peer {
        public Cidrs {
            prefixes = List.copyOf(prefixes);
        }
    }

    /** Firewalls that filter by address need the endpoint's resolved addresses; the name is what AWS documents. */
    record Endpoint(String label, String hostName) implements Peer {
    }
}
