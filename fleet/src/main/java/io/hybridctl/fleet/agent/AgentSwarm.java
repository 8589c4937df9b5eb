package io.hybridctl.fleet.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Many simulated agents in one JVM, each on its own virtual thread with its own key, certificate and state
 * directory: the durability test's fleet of 100 hosts and a demo fleet.
 */
public final class AgentSwarm {

    private AgentSwarm() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int count = Integer.parseInt(a.getOrDefault("count", "10"));
        String prefix = a.getOrDefault("prefix", "sim");
        Path root = Path.of(a.getOrDefault("state-root", "swarm"));
        Duration step = Duration.ofMillis(Long.parseLong(a.getOrDefault("sim-step-ms", "1000")));
        List<Agent> agents = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            String name = prefix + "-" + i;
            Agent agent = new Agent(new AgentOptions(a.get("server"), a.get("token"), null, a.get("ca-fingerprint"),
                    root.resolve(name), root.resolve(name).resolve("root"), name, "machine-" + name, true, step, null, 0,
                    Duration.ofMillis(Long.parseLong(a.getOrDefault("max-backoff-ms", "5000"))), null, null));
            agents.add(agent);
            Thread.ofVirtual().name("agent-" + name).start(() -> {
                try {
                    agent.run();
                } catch (Exception e) {
                    System.err.println(name + ": " + e.getMessage());
                } finally {
                    done.countDown();
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> agents.forEach(Agent::close)));
        System.out.println("swarm: " + count + " agents started");
        done.await();
    }
}
