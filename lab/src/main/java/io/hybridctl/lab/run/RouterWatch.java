package io.hybridctl.lab.run;

import io.hybridctl.lab.design.LabDesign;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.intent.RouterConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the routers' state: BGP sessions from bgpd and the kernel routes FRR installed. Converged means every
 * session planned is Established and every pod block planned for the router (by BGP or static route) is in its
 * kernel table.
 */
public final class RouterWatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Lab lab;
    private final LabDesign design;

    public RouterWatch(Lab lab, LabDesign design) {
        this.lab = lab;
        this.design = design;
    }

    public Convergence snapshot(long elapsedMillis, Set<String> sitesDown) {
        List<Convergence.Session> sessions = new ArrayList<>();
        List<Convergence.RouterRoute> routes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RouterConfig router : design.intent().routers()) {
            LabTopology.SiteLab site = design.topology().site(router.site()).orElseThrow();
            if (sitesDown.contains(site.name())) {
                continue;
            }
            if (router instanceof RouterConfig.BgpRouting) {
                sessions.addAll(sessions(site));
            }
            routes.addAll(routes(site));
        }
        for (Convergence.Session s : sessions) {
            if (!s.established()) {
                missing.add("BGP " + s.site() + " -> " + s.neighbor() + " is " + s.state());
            }
        }
        for (RouterConfig router : design.intent().routers()) {
            if (sitesDown.contains(router.site())) {
                continue;
            }
            for (LabTopology.HostLab host : design.topology().site(router.site()).orElseThrow().hosts()) {
                String block = host.podBlock().toString();
                boolean present = routes.stream().anyMatch(r -> r.site().equals(router.site()) && r.destination().equals(block));
                if (!present) {
                    missing.add("router " + router.site() + " has no route to " + host.name() + "'s pod block " + block);
                }
            }
        }
        return new Convergence(missing.isEmpty(), elapsedMillis, sessions, routes, missing);
    }

    public Convergence awaitConvergence(long timeoutMillis) {
        long start = System.nanoTime();
        Convergence last;
        do {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            last = snapshot(elapsed, Set.of());
            if (last.converged()) {
                return last;
            }
            pause(100);
        } while ((System.nanoTime() - start) / 1_000_000 < timeoutMillis);
        return last;
    }

    private List<Convergence.Session> sessions(LabTopology.SiteLab site) {
        List<Convergence.Session> out = new ArrayList<>();
        Shell.Result result = lab.shell().tryRun(List.of("ip", "netns", "exec", site.router().name(), "vtysh",
                "--vty_socket", lab.state(design.name()).dir().resolve("frr-" + site.name()).toString(),
                "-c", "show bgp ipv4 unicast summary json"));
        if (!result.ok()) {
            out.add(new Convergence.Session(site.name(), "bgpd", "unreachable", 0));
            return out;
        }
        try {
            JsonNode peers = JSON.readTree(result.output()).path("peers");
            for (Iterator<Map.Entry<String, JsonNode>> it = peers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> peer = it.next();
                out.add(new Convergence.Session(site.name(), peer.getKey(), peer.getValue().path("state").asText("?"),
                        peer.getValue().path("pfxRcd").asInt(0)));
            }
        } catch (IOException e) {
            out.add(new Convergence.Session(site.name(), "bgpd", "unreadable", 0));
        }
        return out;
    }

    List<Convergence.RouterRoute> routes(LabTopology.SiteLab site) {
        List<Convergence.RouterRoute> out = new ArrayList<>();
        Shell.Result result = lab.shell().tryRun(List.of("ip", "-n", site.router().name(), "-j", "route", "show"));
        if (!result.ok()) {
            return out;
        }
        try {
            for (JsonNode r : JSON.readTree(result.output())) {
                String dst = r.path("dst").asText();
                if (!dst.contains("/") && !dst.equals("default")) {
                    dst = dst + "/32";
                }
                out.add(new Convergence.RouterRoute(site.name(), normalise(dst), r.path("gateway").asText(r.path("dev").asText()),
                        r.path("protocol").asText("kernel")));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String normalise(String dst) {
        try {
            return Prefix.parse(dst).toString();
        } catch (RuntimeException | io.hybridctl.net.AddressFormatException e) {
            return dst;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
