package io.hybridctl.lab.check;

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

    public List<Observation> probe(List<LabFlow> flows) {
        try (ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofVirtual().factory())) {
            List<Future<Observation>> futures = new ArrayList<>();
            for (LabFlow flow : flows) {
                futures.add(pool.submit(() -> probe(flow)));
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

    private Observation probe(LabFlow flow) {
        if (flow.transport() == ProbeClient.Transport.BGP_SESSION) {
            String neighbor = flow.sourceAddress().map(Object::toString).orElse("");
            return sessions.stream().filter(s -> s.neighbor().equals(neighbor)).findFirst()
                    .map(s -> new Observation(flow, s.established(), 0, "router's session: " + s.state()))
                    .orElse(new Observation(flow, false, 0, "the router has no session with " + neighbor));
        }
        ProbeClient.Outcome outcome = agents.client(flow.sourceNamespace())
                .probe(flow.transport(), flow.source(), flow.destination().toString(), flow.port(), timeoutMillis);
        return new Observation(flow, outcome.ok(), outcome.micros(), outcome.detail());
    }
}
