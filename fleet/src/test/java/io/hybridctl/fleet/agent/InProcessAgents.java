package io.hybridctl.fleet.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Simulated agents on virtual threads inside the test JVM. */
public final class InProcessAgents implements AutoCloseable {

    private final List<Agent> agents = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    public final List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    public Agent start(String server, String token, String caFingerprint, Path stateDir, String hostname, Duration step, String simFail) {
        return start(server, token, caFingerprint, stateDir, hostname, step, simFail, null);
    }

    /** @param facts what the simulated agent reports about its machine (null: nothing, so nothing drifts but the name) */
    public Agent start(String server, String token, String caFingerprint, Path stateDir, String hostname, Duration step, String simFail,
                       SimulatedFacts facts) {
        AgentOptions o = new AgentOptions(server, token, null, caFingerprint, stateDir, stateDir.resolve("root"), hostname,
                "m-" + hostname, true, step, simFail, 0, Duration.ofSeconds(2), null, facts);
        Agent a = new Agent(o);
        agents.add(a);
        threads.add(Thread.ofVirtual().name("agent-" + hostname).start(() -> {
            try {
                a.run();
            } catch (Exception e) {
                failures.add(e);
            }
        }));
        return a;
    }

    @Override
    public void close() throws InterruptedException {
        agents.forEach(Agent::close);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(5));
        }
    }
}
