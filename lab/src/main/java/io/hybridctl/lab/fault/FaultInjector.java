package io.hybridctl.lab.fault;

import io.hybridctl.lab.flows.LabFlow;
import io.hybridctl.lab.check.LabTester;
import io.hybridctl.lab.check.Observation;
import io.hybridctl.lab.daemon.FirewallTable;
import io.hybridctl.lab.daemon.FrrRouter;
import io.hybridctl.lab.daemon.Nftables;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.lifecycle.LabProcess;
import io.hybridctl.lab.lifecycle.LabState;
import io.hybridctl.lab.lifecycle.Processes;
import io.hybridctl.lab.lifecycle.StateDirectory;
import io.hybridctl.lab.probe.ProbeClient;
import io.hybridctl.lab.run.Lab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.LabException;
import io.hybridctl.lab.run.RouterWatch;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.plan.intent.BgpSpeaker;
import io.hybridctl.plan.intent.RouterConfig;
import io.hybridctl.plan.intent.StaticRoute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Puts faults into a running lab, measures their effect, and takes them out again. */
public final class FaultInjector {

    private static final long SETTLE_TIMEOUT_MILLIS = 30_000;
    private static final int POLL_PROBE_TIMEOUT_MILLIS = 300;
    private static final String FAULT_TABLE = "hybridctl_lab_fault";

    private final Lab lab;
    private final LabDesign design;
    private final LabTester tester;
    private final Shell shell;

    public FaultInjector(Lab lab, LabDesign design, LabTester tester) {
        this.lab = lab;
        this.design = design;
        this.tester = tester;
        this.shell = lab.shell();
    }

    public FaultReport inject(Fault fault) {
        StateDirectory state = lab.state(design.name());
        if (!state.exists()) {
            throw new LabException(LabException.Kind.STATE, "lab '" + design.name() + "' is not up: run `hybridctl lab up` first");
        }
        LabFlow victim = flow(fault.victimFlowId());
        long start = System.nanoTime();
        apply(fault, state);
        new ActiveFaults(state.dir()).add(fault);
        long detection = waitFor(() -> !probe(victim), start);
        Optional<Long> withdrawal = withdrawalCheck(fault).map(gone -> waitFor(gone, start));
        Set<String> down = fault instanceof Fault.SiteDown s ? Set.of(s.site()) : Set.of();
        List<Observation> observations = tester.test(design, tester.catalogue().flows(design), down).observations();
        List<Observation> failing = observations.stream().filter(o -> !o.reachable() && o.flow().expected() == LabFlow.Verdict.REACHABLE).toList();
        List<Observation> working = observations.stream().filter(Observation::reachable).toList();
        return new FaultReport(fault, detection, withdrawal, failing, working);
    }

    public List<FaultReport.Recovery> restoreAll() {
        StateDirectory state = lab.state(design.name());
        ActiveFaults active = new ActiveFaults(state.dir());
        List<FaultReport.Recovery> recoveries = new ArrayList<>();
        for (Fault fault : active.read().reversed()) {
            LabFlow victim = flow(fault.victimFlowId());
            long start = System.nanoTime();
            restore(fault, state);
            long millis = waitFor(() -> probe(victim), start);
            recoveries.add(new FaultReport.Recovery(fault, millis, probe(victim)));
        }
        active.clear();
        return recoveries;
    }

    private void apply(Fault fault, StateDirectory state) {
        LabTopology topology = design.topology();
        switch (fault) {
            case Fault.StopSpeaker f -> {
                LabTopology.HostLab host = host(f.host());
                LabState current = state.read().orElseThrow();
                LabProcess speaker = current.processes().stream()
                        .filter(p -> p.role().equals("gobgpd") && p.namespace().equals(host.node().name())).findFirst()
                        .orElseThrow(() -> new LabException(LabException.Kind.NOT_IN_DESIGN, f.host() + " runs no BGP speaker (podRouting is not bgp?)"));
                if (Processes.isSame(speaker)) {
                    Processes.stop(speaker.pid());
                }
                state.write(current.withoutProcess(speaker.pid()));
            }
            case Fault.CutVpn f -> {
                LabTopology.SiteLab site = site(f.site());
                String dev = site.cloudDevice();
                load(topology.vpc().netns().name(), state, "vpn-" + site.index(), "table ip " + FAULT_TABLE + "_vpn" + site.index()
                        + " {\n  chain in { type filter hook prerouting priority raw - 10; iifname \"" + dev + "\" drop; }\n"
                        + "  chain out { type filter hook output priority raw - 10; oifname \"" + dev + "\" drop; }\n}\n");
            }
            case Fault.DropFirewallRule f -> {
                LabTopology.SiteLab site = site(f.site());
                String table = FirewallTable.name(site.name());
                Shell.Result listing = new Nftables(shell).run(site.router().name(), List.of("-a", "list", "chain", "inet", table, "forward"));
                if (!listing.ok()) {
                    throw new LabException(LabException.Kind.NOT_IN_DESIGN, "site " + f.site() + " has no firewall in this design");
                }
                String handle = listing.output().lines().filter(l -> l.contains(f.match()) && l.contains("# handle"))
                        .map(l -> l.substring(l.lastIndexOf("# handle") + 9).trim()).findFirst()
                        .orElseThrow(() -> new LabException(LabException.Kind.NOT_IN_DESIGN, "no firewall rule of site " + f.site() + " matches '" + f.match() + "'"));
                shell.run(List.of("ip", "netns", "exec", site.router().name(), "nft", "delete", "rule", "inet", table, "forward", "handle", handle));
            }
            case Fault.RemoveStaticRoute f -> {
                StaticRoute route = staticRoute(f.host());
                LabTopology.SiteLab site = site(host(f.host()).site());
                FrrRouter router = lab.router(design, site);
                router.configure(List.of("no ip route " + route.destination() + " " + route.nextHop()));
            }
            case Fault.SiteDown f -> {
                LabTopology.SiteLab site = site(f.site());
                load(site.router().name(), state, "site", "table inet " + FAULT_TABLE + "_site {\n"
                        + "  chain pre { type filter hook prerouting priority raw - 10; drop; }\n"
                        + "  chain out { type filter hook output priority raw - 10; drop; }\n}\n");
            }
        }
    }

    private void restore(Fault fault, StateDirectory state) {
        LabTopology topology = design.topology();
        switch (fault) {
            case Fault.StopSpeaker f -> {
                BgpSpeaker speaker = design.intent().bgpSpeakers().stream().filter(s -> s.host().equals(f.host())).findFirst()
                        .orElseThrow();
                lab.restartSpeaker(design, speaker);
            }
            case Fault.CutVpn f -> deleteTable(topology.vpc().netns().name(), "ip", FAULT_TABLE + "_vpn" + site(f.site()).index());
            case Fault.DropFirewallRule f -> {
                LabTopology.SiteLab site = site(f.site());
                deleteTable(site.router().name(), "inet", FirewallTable.name(site.name()));
                Path rules = state.sub("nft").resolve(site.name() + "-firewall.nft");
                shell.run(List.of("ip", "netns", "exec", site.router().name(), "nft", "-f", rules.toString()));
            }
            case Fault.RemoveStaticRoute f -> {
                StaticRoute route = staticRoute(f.host());
                lab.router(design, site(host(f.host()).site())).configure(List.of("ip route " + route.destination() + " " + route.nextHop()));
            }
            case Fault.SiteDown f -> deleteTable(site(f.site()).router().name(), "inet", FAULT_TABLE + "_site");
        }
    }

    /** For routing faults: a check that the router no longer has the host's pod block. */
    private Optional<BooleanSupplier> withdrawalCheck(Fault fault) {
        String host = switch (fault) {
            case Fault.StopSpeaker f -> f.host();
            case Fault.RemoveStaticRoute f -> f.host();
            default -> null;
        };
        if (host == null) {
            return Optional.empty();
        }
        LabTopology.HostLab h = host(host);
        LabTopology.SiteLab site = site(h.site());
        String block = h.podBlock().toString();
        RouterWatch watch = new RouterWatch(lab, design);
        return Optional.of(() -> watch.snapshot(0, Set.of()).routes().stream()
                .noneMatch(r -> r.site().equals(site.name()) && r.destination().equals(block)));
    }

    private StaticRoute staticRoute(String host) {
        return design.intent().routers().stream()
                .filter(r -> r instanceof RouterConfig.StaticRouting)
                .flatMap(r -> ((RouterConfig.StaticRouting) r).routes().stream())
                .filter(r -> r.host().equals(host)).findFirst()
                .orElseThrow(() -> new LabException(LabException.Kind.NOT_IN_DESIGN, "the router has no static route for " + host + " (podRouting is not static?)"));
    }

    private boolean probe(LabFlow flow) {
        ProbeClient.Outcome outcome = lab.agents(design).client(flow.sourceNamespace())
                .probe(flow.transport(), flow.source(), flow.destination().toString(), flow.port(), POLL_PROBE_TIMEOUT_MILLIS);
        return outcome.ok();
    }

    private static long waitFor(BooleanSupplier condition, long startNanos) {
        while (!condition.getAsBoolean()) {
            if ((System.nanoTime() - startNanos) / 1_000_000 > SETTLE_TIMEOUT_MILLIS) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void load(String namespace, StateDirectory state, String name, String ruleset) {
        new Nftables(shell).load(namespace, state.sub("nft").resolve("fault-" + name + ".nft"), ruleset);
    }

    private void deleteTable(String namespace, String family, String table) {
        shell.tryRun(List.of("ip", "netns", "exec", namespace, "nft", "delete", "table", family, table));
    }

    private LabFlow flow(String id) {
        return tester.catalogue().flows(design).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new LabException(LabException.Kind.NOT_IN_DESIGN, "no flow " + id + " in this design"));
    }

    private LabTopology.HostLab host(String name) {
        return design.topology().host(name).orElseThrow(() -> new LabException(LabException.Kind.USAGE, "no host '" + name + "' in the spec; hosts: "
                + design.topology().hosts().stream().map(LabTopology.HostLab::name).toList()));
    }

    private LabTopology.SiteLab site(String name) {
        return design.topology().site(name).orElseThrow(() -> new LabException(LabException.Kind.USAGE, "no site '" + name + "' in the spec; sites: "
                + design.topology().sites().stream().map(LabTopology.SiteLab::name).toList()));
    }
}
