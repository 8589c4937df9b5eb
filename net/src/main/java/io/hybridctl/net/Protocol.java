package io.hybridctl.net;

/** The IP protocols hybrid-node flows use; shared by plan's intent, the network model and the lab. */
public enum Protocol {
    TCP("tcp"), UDP("udp"), ICMP("icmp"),
    /** IPsec payload (IP protocol 50): only between a site's VPN device and the AWS tunnel endpoints. */
    ESP("esp");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** The lower-case name firewalls and security groups use. */
    public String id() {
        return id;
    }
}
