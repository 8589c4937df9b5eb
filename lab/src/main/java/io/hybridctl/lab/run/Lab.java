package io.hybridctl.lab.run;

import io.hybridctl.lab.LabException;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.net.Protocol;
import io.hybridctl.lab.flows.LabFlows;
import io.hybridctl.lab.flows.LabFlow;
import io.hybridctl.lab.daemon.CiliumBgpSessions;
import io.hybridctl.lab.daemon.CloudRules;
import io.hybridctl.lab.probe.ProbeClient;
import io.hybridctl.lab.daemon.FrrRouter;
import io.hybridctl.lab.daemon.GobgpSpeaker;
import io.hybridctl.lab.daemon.Nftables;
import io.hybridctl.lab.daemon.RouterArtifacts;
import io.hybridctl.lab.host.CommandFailedException;
import io.hybridctl.lab.host.Preflight;
import io.hybridctl.lab.host.ProcessShell;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.lifecycle.LabProcess;
import io.hybridctl.lab.lifecycle.LabState;
import io.hybridctl.lab.lifecycle.NetworkBuilder;
import io.hybridctl.lab.lifecycle.StateDirectory;
import io.hybridctl.lab.lifecycle.Teardown;
import io.hybridctl.lab.probe.Agents;
import io.hybridctl.lab.topology.LabName;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.lab.topology.Netns;
import io.hybridctl.lab.topology.Service;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.intent.BgpSpeaker;
import io.hybridctl.plan.intent.Masquerade;
import io.hybridctl.plan.intent.RouterConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Brings a lab up and down on this machine. One instance per lab; its methods are the CLI's verbs. */
public final class Lab {

    public static final List<Preflight.Tool> TOOLS = List.of(Preflight.IP, Preflight.NFT, Preflight.ZEBRA,
            Preflight.BGPD, Preflight.STATICD, Preflight.VTYSH, Preflight.GOBGPD, Preflight.GOBGP, Preflight.SETSID);

    private final Shell shell;
    private final Path stateRoot;
    private final Preflight preflight;
    private final RouterArtifacts artifacts;
    private final LabFlows catalogue;

    public Lab(Path stateRoot, Preflight preflight, RouterArtifacts artifacts, LabFlows catalogue) {
        this(new ProcessShell(), stateRoot, preflight, artifacts, catalogue);
    }

    /** @param shell runs every command of this lab (tests pass a fake one) */
    public Lab(Shell shell, Path stateRoot, Preflight preflight, RouterArtifacts artifacts, LabFlows catalogue) {
        this.shell = shell;
        this.stateRoot = stateRoot;
        this.preflight = preflight;
        this.artifacts = artifacts;
        this.catalogue = catalogue;
    }

    public LabFlows catalogue() {
        return catalogue;
    }

    public StateDirectory state(LabName name) {
        return new StateDirectory(stateRoot, name);
    }

    public Path stateRoot() {
        return stateRoot;
    }

    public Shell shell() {
        return shell;
    }

    public RouterArtifacts artifacts() {
        return artifacts;
    }

    public void checkMachine() {
        List<String> problems = preflight.problems(TOOLS);
        if (!problems.isEmpty()) {
            throw new LabException(LabException.Kind.MACHINE, "the lab cannot run here:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** What `up` gives back: timings of its phases and of BGP convergence. */
    public record UpReport(long networkMillis, long daemonsMillis, long servicesMillis, Convergence convergence) {
    }

    /**
     * Builds the lab. Refuses a dirty state unless {@code force}; on any failure, and on Ctrl-C (the caller's
     * shutdown hook calls {@link #down}), nothing is left behind.
     */
    public UpReport up(LabDesign design, boolean force, Progress progress) {
        checkMachine();
        stopping = false;
        StateDirectory state = state(design.name());
        Teardown teardown = new Teardown(shell);
        List<String> leftovers = teardown.leftovers(design.name(), state);
        if (!leftovers.isEmpty()) {
            if (!force) {
                throw new LabException(LabException.Kind.STATE, "lab '" + design.name() + "' is already up or was not cleaned up ("
                        + leftovers.size() + " leftovers, e.g. " + leftovers.getFirst() + "): run `hybridctl lab down -f "
                        + design.specFile() + "` first, or `lab up --force` to clean up and rebuild");
            }
            progress.begin("clean up the previous lab");
            teardown.down(design.name(), state);
        }
        LabTopology topology = design.topology();
        state.create();
        LabState current = new LabState(design.name().value(), design.specFile().toAbsolutePath().toString(),
                System.currentTimeMillis(), topology.namespaces().stream().map(Netns::name).toList(), List.of());
        state.write(current);
        try {
            progress.begin("namespaces, links, addresses (" + topology.namespaces().size() + " namespaces)");
            NetworkBuilder network = new NetworkBuilder(shell, state.sub("ip"));
            network.createNamespaces(topology.namespaces());
            network.wire(topology);
            progress.begin("nftables: security group, VPN selectors, firewall, masquerade");
            loadRules(design, state);
            long networkMillis = progress.finish();

            progress.begin("routers (FRR) and node BGP speakers (gobgpd)");
            current = startRouting(design, state, current);
            long daemonsMillis = progress.finish();
            // BGP converges while the agents start: watch it from now on, in the background.
            java.util.concurrent.CompletableFuture<Convergence> watch = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> new RouterWatch(this, design).awaitConvergence(60_000), Executors.newVirtualThreadPerTaskExecutor());

            progress.begin("stand-in services and probe agents");
            current = startAgents(design, state, current);
            long servicesMillis = progress.finish();

            progress.begin("BGP convergence");
            Convergence settled = watch.join();
            // From the first daemon's start: the routers begin to peer as soon as they run.
            Convergence convergence = new Convergence(settled.converged(), daemonsMillis + settled.millis(),
                    settled.sessions(), settled.routes(), settled.missing());
            progress.finish();
            if (!convergence.converged()) {
                progress.note("  BGP did not converge: " + convergence.missing());
            }
            return new UpReport(networkMillis, daemonsMillis, servicesMillis, convergence);
        } catch (RuntimeException e) {
            progress.fail(e.getMessage() == null ? e.toString() : e.getMessage());
            teardown.down(design.name(), state);
            if (e instanceof CommandFailedException c) {
                throw new LabException(LabException.Kind.INTERNAL, "lab up failed, everything it created was removed: " + c.getMessage());
            }
            throw e;
        }
    }

    private void loadRules(LabDesign design, StateDirectory state) {
        Nftables nft = new Nftables(shell);
        LabTopology topology = design.topology();
        nft.load(topology.vpc().netns().name(), state.sub("nft").resolve("vpc.nft"), CloudRules.vpc(topology, design.intent()));
        List<Prefix> podNetworks = design.spec().sites().stream().flatMap(s -> s.podNetworks().stream()).toList();
        for (Masquerade m : design.intent().masquerades()) {
            topology.host(m.host()).ifPresent(h -> nft.load(h.node().name(),
                    state.sub("nft").resolve(h.name() + ".nft"), CloudRules.masquerade(m, podNetworks)));
        }
        for (LabTopology.SiteLab site : topology.sites()) {
            artifacts.firewallNft(design, site.name()).ifPresent(rules -> nft.load(site.router().name(),
                    state.sub("nft").resolve(site.name() + "-firewall.nft"), rules));
        }
    }

    private LabState startRouting(LabDesign design, StateDirectory state, LabState current) {
        for (RouterConfig router : design.intent().routers()) {
            LabTopology.SiteLab site = design.topology().site(router.site()).orElseThrow();
            checkNotStopping();
            FrrRouter frr = router(design, site);
            for (LabProcess p : frr.start(artifacts.frrConf(design, router))) {
                current = current.withProcess(p);
                state.write(current);
            }
        }
        // Each speaker waits for its own gobgpd API before announcing: start them side by side.
        List<java.util.concurrent.Callable<LabProcess>> speakers = new ArrayList<>();
        for (BgpSpeaker speaker : design.intent().bgpSpeakers()) {
            speakers.add(() -> speakerProcess(design, state, speaker));
        }
        for (LabProcess p : parallel(speakers)) {
            current = current.withProcess(p);
        }
        state.write(current);
        return current;
    }

    LabState startSpeaker(LabDesign design, StateDirectory state, LabState current, BgpSpeaker speaker) {
        LabState next = current.withProcess(speakerProcess(design, state, speaker));
        state.write(next);
        return next;
    }

    private LabProcess speakerProcess(LabDesign design, StateDirectory state, BgpSpeaker speaker) {
        checkNotStopping();
        LabTopology.HostLab host = design.topology().host(speaker.host()).orElseThrow();
        GobgpSpeaker gobgp = new GobgpSpeaker(shell, host.node().name(), state.sub("bgp-" + host.name()));
        return gobgp.start(session(design, speaker));
    }

    /**
     * With Cilium, the session is read back from the CiliumBGPClusterConfig/PeerConfig/Advertisement resources plan
     * renders, as the Cilium agent would; with Calico, from the same intent plan renders its BGPPeer from.
     */
    static GobgpSpeaker.Session session(LabDesign design, BgpSpeaker speaker) {
        if (design.spec().cni().plugin() == io.hybridctl.spec.model.Cni.Plugin.CILIUM) {
            Optional<io.hybridctl.spec.model.Host> host = design.spec().hosts().filter(h -> h.name().equals(speaker.host())).findFirst();
            Optional<GobgpSpeaker.Session> rendered = host.flatMap(h -> new CiliumBgpSessions(design.spec(), design.intent()).session(h));
            if (rendered.isPresent()) {
                return rendered.get();
            }
        }
        return session(speaker);
    }

    /** Starts a node's speaker again (after a fault stopped it) and records its new PID. */
    public void restartSpeaker(LabDesign design, BgpSpeaker speaker) {
        StateDirectory state = state(design.name());
        startSpeaker(design, state, state.read().orElseThrow(() -> new LabException(LabException.Kind.STATE, "lab state is gone")), speaker);
    }

    static GobgpSpeaker.Session session(BgpSpeaker s) {
        return new GobgpSpeaker.Session(s.hostAddress(), s.localAsn(), s.peerAddress(), s.peerAsn(), s.holdTimeSeconds(),
                s.keepaliveTimeSeconds(), s.gracefulRestart(), s.restartTimeSeconds(), s.advertised());
    }

    public FrrRouter router(LabDesign design, LabTopology.SiteLab site) {
        return new FrrRouter(shell, site.router().name(), state(design.name()).sub("frr-" + site.name()));
    }

    public Agents agents(LabDesign design) {
        return new Agents(shell, state(design.name()).sub("agents"));
    }

    private LabState startAgents(LabDesign design, StateDirectory state, LabState current) {
        Agents agents = agents(design);
        Map<String, List<Service>> services = listeners(design);
        List<String> namespaces = new ArrayList<>(services.keySet());
        for (String ns : namespaces) {
            checkNotStopping();
            current = current.withProcess(agents.start(ns, label(design.topology(), ns), services.get(ns)));
        }
        state.write(current);
        List<String> late = agents.awaitReady(namespaces, 60_000);
        if (!late.isEmpty()) {
            String log = "";
            try {
                log = java.nio.file.Files.readString(state.sub("agents").resolve(late.getFirst() + ".log")).strip();
            } catch (java.io.IOException e) {
                log = "(no log)";
            }
            throw new LabException(LabException.Kind.INTERNAL, "probe agents did not start in " + late + "; the first said: "
                    + log.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("nothing"));
        }
        return current;
    }

    /** The stand-in services, plus a listener on every port a flow of the catalogue targets. */
    Map<String, List<Service>> listeners(LabDesign design) {
        Map<String, List<Service>> services = new java.util.LinkedHashMap<>();
        design.topology().services().forEach((ns, list) -> services.put(ns, new ArrayList<>(list)));
        for (LabFlow flow : catalogue.flows(design)) {
            if (flow.transport() == ProbeClient.Transport.CONNECT) {
                continue;
            }
            Protocol protocol = flow.transport() == ProbeClient.Transport.UDP ? Protocol.UDP : Protocol.TCP;
            design.topology().namespaceOf(flow.destination()).ifPresent(ns -> {
                List<Service> list = services.computeIfAbsent(ns, k -> new ArrayList<>());
                boolean listening = list.stream().anyMatch(s -> s.port() == flow.port() && s.protocols().contains(protocol));
                if (!listening) {
                    list.add(new Service(Service.Kind.APP, flow.port(), List.of(protocol)));
                }
            });
        }
        return services;
    }

    private static String label(LabTopology topology, String ns) {
        return topology.namespaces().stream().filter(n -> n.name().equals(ns)).map(Netns::label).findFirst().orElse(ns);
    }

    public Teardown.Removed down(LabName name) {
        stopping = true;
        return new Teardown(shell).down(name, state(name));
    }

    /** Set by {@link #down} (e.g. from the Ctrl-C hook while `up` still runs): `up` starts nothing more after it. */
    private volatile boolean stopping;

    private void checkNotStopping() {
        if (stopping) {
            throw new LabException(LabException.Kind.STATE, "interrupted: the lab is being removed");
        }
    }

    /** Runs independent tasks on a small pool; the machine has few cores and the tasks mostly wait. */
    static <T> List<T> parallel(List<java.util.concurrent.Callable<T>> tasks) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (var t : tasks) {
                futures.add(pool.submit(t));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(LabException.Kind.INTERNAL, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new LabException(LabException.Kind.INTERNAL, String.valueOf(e.getCause()));
        }
    }
}
