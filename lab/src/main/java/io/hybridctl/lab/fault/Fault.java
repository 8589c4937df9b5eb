package io.hybridctl.lab.fault;

/** A failure put into a running lab on purpose, and undone by `lab fault --restore`. */
public sealed interface Fault {

    /** The flow whose failure shows the fault has taken effect, and whose return shows recovery. */
    String victimFlowId();

    String describe();

    /** gobgpd on a node stops (as the CNI agent going away): its pod block must be withdrawn at the router. */
    record StopSpeaker(String host) implements Fault {
        public String victimFlowId() {
            return "api-to-webhook/" + host;
        }

        public String describe() {
            return "stop the BGP speaker of " + host;
        }
    }

    /** The site's VPN tunnel stops passing traffic (both IPsec SAs down). */
    record CutVpn(String site, String firstHost) implements Fault {
        public String victimFlowId() {
            return "api-to-kubelet/" + firstHost;
        }

        public String describe() {
            return "cut the VPN of site " + site;
        }
    }

    /** One rule of the site's on-prem firewall is deleted; {@code match} picks it (text in the rule, e.g. "10250"). */
    record DropFirewallRule(String site, String match, String victim) implements Fault {
        public String victimFlowId() {
            return victim;
        }

        public String describe() {
            return "drop the firewall rule of site " + site + " matching '" + match + "'";
        }
    }

    /** The site router's static route to one host's pod block is removed. */
    record RemoveStaticRoute(String host) implements Fault {
        public String victimFlowId() {
            return "api-to-webhook/" + host;
        }

        public String describe() {
            return "remove the static route to the pod block of " + host;
        }
    }

    /** A whole site goes dark: its router and uplink drop everything (seed 002's disaster recovery story). */
    record SiteDown(String site, String firstHost) implements Fault {
        public String victimFlowId() {
            return "kubelet-to-api/" + firstHost;
        }

        public String describe() {
            return "take site " + site + " down";
        }
    }
}
