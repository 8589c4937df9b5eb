package io.hybridctl.lab.topology;

import java.util.List;

/** A site LAN: a bridge inside the router namespace, with the node links as ports. */
public record Bridge(String namespace, String name, List<String> ports) {
    public Bridge {
        ports = List.copyOf(ports);
    }
}
