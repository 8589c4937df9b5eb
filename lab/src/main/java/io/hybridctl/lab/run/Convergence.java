package io.hybridctl.lab.run;

import java.util.List;

/** Routing state of every site router at one moment, and how long it took to get there. */
public record Convergence(boolean converged, long millis, List<Session> sessions, List<RouterRoute> routes,
                          List<String> missing) {

    public Convergence {
        sessions = List.copyOf(sessions);
        routes = List.copyOf(routes);
        missing = List.copyOf(missing);
    }

    /** A BGP session as the site router's bgpd reports it. */
    public record Session(String site, String neighbor, String state, int prefixesReceived) {
        public boolean established() {
            return state.equals("Established");
        }
    }

    /** A route in a router namespace's kernel table (what FRR installed, or the lab's VPN route). */
    public record RouterRoute(String site, String destination, String via, String protocol) {
    }
}
