package io.hybridctl.fleet.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Process entry point for the agent, used by end-to-end tests and the load generator to run real agent processes
 * without the CLI; `hybridctl agent` builds the same {@link AgentOptions}.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path state = Path.of(a.getOrDefault("state-dir", "/var/lib/hybridctl-agent"));
        SimulatedFacts simFacts;
        try {
            simFacts = a.containsKey("sim-facts") ? SimulatedFacts.read(Path.of(a.get("sim-facts"))) : null;
        } catch (java.io.IOException e) {
            System.err.println("hybridctl agent: --sim-facts: " + e.getMessage());
            System.exit(2);
            return;
        }
        String token = a.get("token");
        if (token == null && a.containsKey("token-file")) {
            try {
                token = java.nio.file.Files.readString(Path.of(a.get("token-file"))).trim();
            } catch (java.io.IOException e) {
                System.err.println("hybridctl agent: cannot read --token-file " + a.get("token-file"));
                System.exit(2);
                return;
            }
        }
        AgentOptions o = new AgentOptions(a.get("server"), token, a.containsKey("ca-file") ? Path.of(a.get("ca-file")) : null,
                a.get("ca-fingerprint"), state, Path.of(a.getOrDefault("root", state.resolve("root").toString())),
                a.get("hostname"), a.get("machine-id"), Boolean.parseBoolean(a.getOrDefault("simulate", "true")),
                Duration.ofMillis(Long.parseLong(a.getOrDefault("sim-step-ms", "200"))), a.get("sim-fail"),
                Double.parseDouble(a.getOrDefault("sim-fail-rate", "0")), Duration.ofMillis(Long.parseLong(a.getOrDefault("max-backoff-ms", "30000"))),
                null, simFacts);
        try (Agent agent = new Agent(o)) {
            Runtime.getRuntime().addShutdownHook(new Thread(agent::close));
            agent.run();
        } catch (Agent.FatalAgentError e) {
            System.err.println("hybridctl agent: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("hybridctl agent: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(3);
        }
    }
}
