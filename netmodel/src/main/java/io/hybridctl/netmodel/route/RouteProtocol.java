package io.hybridctl.netmodel.route;

/** The origin of a route and its administrative distance (lower wins), with Cisco/FRR defaults. */
public enum RouteProtocol {
    LOCAL(0), CONNECTED(0), STATIC(1), EBGP(20), IBGP(200);

    private final int adminDistance;

    RouteProtocol(int adminDistance) {
        this.adminDistance = adminDistance;
    }

    public int adminDistance() {
        return adminDistance;
    }
}
