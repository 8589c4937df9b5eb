package io.hybridctl.lab.daemon;

import io.hybridctl.lab.host.CommandFailedException;
import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.lifecycle.LabProcess;
import io.hybridctl.lab.lifecycle.Processes;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A node's BGP speaker: gobgpd, the BGP library inside Cilium's BGP control plane, configured with the session the
 * CNI would open (local AS, router address and AS, timers, graceful restart) and announcing what the CNI would
 * announce. Like Cilium without a localPort it does not listen: it only connects out.
 */
public final class GobgpSpeaker {

    /** Where a session comes from: the generated CNI BGP settings for one host. */
    public record Session(Ipv4Address hostAddress, long localAsn, Ipv4Address peerAddress, long peerAsn,
                          int holdTimeSeconds, int keepaliveTimeSeconds, boolean gracefulRestart,
                          int restartTimeSeconds, List<Prefix> advertised) {
        public Session {
            advertised = List.copyOf(advertised);
        }
    }

    private final Shell shell;
    private final String namespace;
    private final Path dir;

    public GobgpSpeaker(Shell shell, String namespace, Path dir) {
        this.shell = shell;
        this.namespace = namespace;
        this.dir = dir;
    }

    static String toml(Session s) {
        StringBuilder t = new StringBuilder();
        t.append("[global.config]\n  as = ").append(s.localAsn()).append("\n  router-id = \"").append(s.hostAddress())
                .append("\"\n  port = -1\n\n[[neighbors]]\n  [neighbors.config]\n    neighbor-address = \"")
                .append(s.peerAddress()).append("\"\n    peer-as = ").append(s.peerAsn())
                .append("\n  [neighbors.transport.config]\n    local-address = \"").append(s.hostAddress())
                .append("\"\n  [neighbors.timers.config]\n    hold-time = ").append(s.holdTimeSeconds())
                .append("\n    keepalive-interval = ").append(s.keepaliveTimeSeconds())
                // The lab retries connecting every second (Cilium's default is 120 s) so that up is fast.
                .append("\n    connect-retry = 1\n");
        if (s.gracefulRestart()) {
            t.append("  [neighbors.graceful-restart.config]\n    enabled = true\n    restart-time = ")
                    .append(s.restartTimeSeconds()).append('\n');
        }
        t.append("  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = \"ipv4-unicast\"\n");
        if (s.gracefulRestart()) {
            t.append("    [neighbors.afi-safis.mp-graceful-restart.config]\n      enabled = true\n");
        }
        return t.toString();
    }

    public LabProcess start(Session session) {
        Path config = dir.resolve("gobgpd.toml");
        try {
            Files.writeString(config, toml(session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long pid = shell.startDetached(List.of("ip", "netns", "exec", namespace, "gobgpd", "-f", config.toString(),
                "-p", "--api-hosts", "127.0.0.1:50051", "--pprof-disable"), dir.resolve("gobgpd.log"));
        // setsid execs ip, which execs gobgpd: the PID stays the same through the chain.
        LabProcess process = Processes.describe(pid, namespace, "gobgpd");
        announce(session);
        return process;
    }

    private void announce(Session session) {
        for (Prefix prefix : session.advertised()) {
            List<String> command = List.of("ip", "netns", "exec", namespace, "gobgp", "-u", "127.0.0.1", "global", "rib",
                    "add", "-a", "ipv4", prefix.toString(), "nexthop", session.hostAddress().toString());
            Shell.Result result = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                result = shell.tryRun(command);
                if (result.ok()) {
                    break;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (result == null || !result.ok()) {
                throw new CommandFailedException(command, result == null ? 1 : result.exitCode(),
                        "gobgpd did not accept the announcement; see " + dir.resolve("gobgpd.log"));
            }
        }
    }

    /** gobgp's own view of its session: {@code gobgp neighbor -j}. */
    public Shell.Result neighbors() {
        return shell.tryRun(List.of("ip", "netns", "exec", namespace, "gobgp", "-u", "127.0.0.1", "neighbor", "-j"));
    }
}
