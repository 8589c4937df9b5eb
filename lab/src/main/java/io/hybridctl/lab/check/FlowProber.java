package io.hybridctl.lab.check;

import io.hybridctl.lab.flows.LabFlow;
import io.hybridctl.lab.probe.Agents;
import io.hybridctl.lab.probe.ProbeClient;
import io.hybridctl.lab.run.Convergence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs flows as real connections from their source namespaces, all at once (each waits on the network). */
public final class FlowProber {

    private final Agents agents;
    private final int timeoutMillis;
    private final List<Convergence.Session> sessions;

    public FlowProber(Agents agents, int timeoutMillis, List<Convergence.Session> sessions) {
        this.agents = agents;
        this.timeoutMillis = timeoutMillis;
        this.sessions = List.copyOf(sessions);
    }

    /** Enough probes in flight to hide timeouts, few enough that the small agent JVMs keep up. */
    private static final int IN_FLIGHT = 64;

    /**
     * Probes every flow; a flow that fails is probed once more, with fewer probes in flight and a longer timeout, so that a busy
     * machine (dozens of agent JVMs on two cores) does not pass for a broken network.
     */
    public List<Observation> probe(List<LabFlow> flows) {
        List<Observation> first = probe(flows, IN_FLIGHT, timeoutMillis);
        // Only a flow that should work is given a second chance; one that should fail and did needs no confirmation.
        List<LabFlow> failed = first.stream().filter(o -> !o.reachable() && o.flow().expected() == LabFlow.Verdict.REACHABLE)
                .map(Observation::flow).toList();
        if (failed.isEmpty()) {
            return first;
        }
        java.util.Map<LabFlow, Observation> retried = new java.util.IdentityHashMap<>();
        for (Observation o : probe(failed, IN_FLIGHT / 4, timeoutMillis * 2)) {
            retried.put(o.flow(), o);
        }
        return first.stream().map(o -> retried.getOrDefault(o.flow(), o)).toList();
    }

    private List<Observation> probe(List<LabFlow> flows, int inFlight, int timeout) {
        try (ExecutorService pool = Executors.newFixedThreadPool(inFlight, Thread.ofVirtual().factory())) {
            List<Future<Observation>> futures = new ArrayList<>();
            for (LabFlow flow : flows) {
                futures.add(pool.submit(() -> probe(flow, timeout)));
            }
            List<Observation> observations = new ArrayList<>();
            for (Future<Observation> f : futures) {
                observations.add(f.get());
            }
            return observations;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Observation probe(LabFlow flow, int timeout) {
        if (flow.transport() == ProbeClient.Transport.BGP_SESSION) {
            String neighbor = flow.sourceAddress().map(Object::toString).orElse("");
            return sessions.stream().filter(s -> s.neighbor().equals(neighbor)).findFirst()
                    .map(s -> new Observation(flow, s.established(), 0, "router's session: " + s.state()))
                    .orElse(new Observation(flow, false, 0, "the router has no session with " + neighbor));
        }
        ProbeClient.Outcome outcome = agents.client(flow.sourceNamespace())
                .probe(flow.transport(), flow.source(), flow.destination().toString(), flow.port(), timeout);
        return new Observation(flow, outcome.ok(), outcome.micros(), outcome.detail());
    }
}
