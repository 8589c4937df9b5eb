package io.hybridctl.lab.topology;

import io.hybridctl.net.Protocol;
import java.util.List;

/** A stand-in listener run inside a namespace: the API server, a kubelet, a webhook, CoreDNS. */
public record Service(Kind kind, int port, List<Protocol> protocols) {

    public Service {
        protocols = List.copyOf(protocols);
    }

    /** APP: a port a flow of the catalogue targets (Cilium health, VXLAN, an application port). */
    public enum Kind { API_SERVER, KUBELET, WEBHOOK, DNS, APP }

    public static final Service API_SERVER = new Service(Kind.API_SERVER, 443, List.of(Protocol.TCP));
    public static final Service KUBELET = new Service(Kind.KUBELET, 10250, List.of(Protocol.TCP));
    public static final Service WEBHOOK = new Service(Kind.WEBHOOK, 9443, List.of(Protocol.TCP));
    public static final Service DNS = new Service(Kind.DNS, 53, List.of(Protocol.TCP, Protocol.UDP));
}
