package io.hybridctl.cli.fleet;

import io.hybridctl.cli.UserError;
import io.hybridctl.fleet.agent.Agent;
import io.hybridctl.fleet.agent.AgentOptions;
import io.hybridctl.fleet.agent.SimulatedFacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Run the host agent: register with a pool token (the key is generated here and never leaves the host), "
                + "then heartbeat and run the operations the fleet server assigns, over mTLS only."})
public final class AgentCommand implements Callable<Integer> {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Fleet server, e.g. https://fleet.example:8443.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Registration token (or --token-file, or HYBRIDCTL_AGENT_TOKEN).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the registration token.")
    Path tokenFile;

    @Option(names = "--ca-fingerprint", paramLabel = "SHA256", description = "SHA-256 of the server CA (printed with the token).")
    String caFingerprint;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "The server CA certificate (instead of --ca-fingerprint).")
    Path caFile;

    @Option(names = "--state-dir", defaultValue = "/var/lib/hybridctl-agent", paramLabel = "DIR",
            description = "Key, certificate and state. Default: ${DEFAULT-VALUE}.")
    Path stateDir;

    @Option(names = "--root", defaultValue = "/", paramLabel = "DIR", description = "Where node files are written. Default: ${DEFAULT-VALUE}.")
    Path root;

    @Option(names = "--simulate", description = "Simulated executor: do not run nodeadm, pretend (for demos and tests).")
    boolean simulate;

    @Option(names = "--sim-step-ms", defaultValue = "2000", description = "Simulated command duration. Default: ${DEFAULT-VALUE}.")
    long simStepMs;

    @Option(names = "--sim-fail", paramLabel = "VERB", description = "Simulate a failure of this nodeadm verb (install, init, ...).")
    String simFail;

    @Option(names = "--sim-fail-rate", defaultValue = "0", description = "Probability that a simulated command fails.")
    double simFailRate;

    @Option(names = "--sim-facts", paramLabel = "FILE",
            description = "Simulation: the OS, version, architecture and addresses to report, as JSON: "
                    + "{\"os\": \"ubuntu\", \"osVersion\": \"24.04\", \"arch\": \"amd64\", \"addresses\": [\"10.80.0.11\"]}.")
    Path simFacts;

    @Option(names = "--hostname", description = "Report this host name instead of the real one (simulation).")
    String hostname;

    @Option(names = "--machine-id", description = "Report this machine-id instead of /etc/machine-id (simulation).")
    String machineId;

    @Override
    public Integer call() throws Exception {
        String t = token;
        if (t == null && tokenFile != null) {
            try {
                t = Files.readString(tokenFile).trim();
            } catch (IOException e) {
                throw new UserError(2, "cannot read --token-file " + tokenFile + ": " + e.getMessage());
            }
        }
        if (t == null) {
            t = System.getenv("HYBRIDCTL_AGENT_TOKEN");
        }
        if (caFile == null && caFingerprint == null && !Files.exists(stateDir.resolve("ca.pem"))) {
            throw new UserError(2, "give --ca-fingerprint (printed with the token) or --ca-file so the agent can trust the server");
        }
        if (!server.startsWith("https://")) {
            throw new UserError(2, "--server must be an https:// URL");
        }
        if (simFacts != null && !simulate) {
            throw new UserError(2, "--sim-facts goes with --simulate");
        }
        SimulatedFacts facts;
        try {
            facts = simFacts == null ? null : SimulatedFacts.read(simFacts);
        } catch (IOException e) {
            throw new UserError(2, "--sim-facts: " + e.getMessage());
        }
        AgentOptions o = new AgentOptions(server, t, caFile, caFingerprint, stateDir,
                simulate && "/".equals(root.toString()) ? stateDir.resolve("root") : root, hostname, machineId, simulate,
                Duration.ofMillis(simStepMs), simFail, simFailRate, Duration.ofSeconds(60), null, facts);
        try (Agent agent = new Agent(o)) {
            Runtime.getRuntime().addShutdownHook(new Thread(agent::close));
            agent.run();
        } catch (Agent.FatalAgentError e) {
            throw new UserError(1, e.getMessage());
        }
        return 0;
    }
}
