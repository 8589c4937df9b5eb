package io.hybridctl.netmodel.route;

import io.hybridctl.net.Prefix;
import io.hybridctl.net.Provenance;

public record Route(Prefix prefix, NextHop nextHop, RouteProtocol protocol, Provenance provenance) {

    public static Route toGateway(Prefix prefix, io.hybridctl.net.Ipv4Address gateway, Provenance p) {
        return new Route(prefix, new NextHop.Gateway(gateway), RouteProtocol.STATIC, p);
    }

    public static Route out(Prefix prefix, String iface, Provenance p) {
        return new Route(prefix, new NextHop.Out(iface), RouteProtocol.STATIC, p);
    }

    public static Route discard(Prefix prefix, Provenance p) {
        return new Route(prefix, new NextHop.Discard(), RouteProtocol.STATIC, p);
    }

    public static Route local(Prefix prefix, Provenance p) {
        return new Route(prefix, new NextHop.Accept(), RouteProtocol.LOCAL, p);
    }

    @Override
    public String toString() {
        return prefix + " " + nextHop + " [" + protocol.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
