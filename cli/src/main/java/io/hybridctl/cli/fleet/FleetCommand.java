package io.hybridctl.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hybridctl.cli.UserError;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.spec.diag.format.TextFormat;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Talk to a fleet server: import clusters, issue registration tokens, assign hosts, watch pools.",
                "Exit 0: done; 1: the server refused (the reason is printed); 2: bad usage or unreadable input."},
        subcommands = {FleetCommand.Import.class, FleetCommand.Pools.class, FleetCommand.Hosts.class, FleetCommand.TokenCreate.class,
                FleetCommand.TokenRevoke.class, FleetCommand.Assign.class, FleetCommand.Reset.class, FleetCommand.Operate.class,
                FleetCommand.Logs.class, FleetCommand.Events.class, FleetCommand.Activation.class, FleetCommand.ApiToken.class,
                FleetCommand.Audit.class})
public final class FleetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs one API call and turns failures into one-line errors. */
    abstract static class ApiCall implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError;

        @Override
        public Integer call() {
            try (FleetApiClient client = api.client()) {
                call(client, spec.commandLine().getOut());
                return 0;
            } catch (FleetApiClient.ApiError e) {
                throw new UserError(1, "the fleet server refused (" + e.status() + "): " + e.getMessage());
            } catch (IOException e) {
                throw new UserError(1, "cannot reach the fleet server at " + api.server + ": " + e.getMessage());
            }
        }

        static void json(FleetApiClient client, PrintWriter out, JsonNode node) throws IOException {
            out.println(client.json().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
        }

        static String poolId(FleetApiClient client, String ref) throws IOException, FleetApiClient.ApiError {
            List<String> matches = new ArrayList<>();
            for (JsonNode p : client.get("/api/v1/pools")) {
                if (p.path("id").asText().equals(ref) || p.path("name").asText().equals(ref)) {
                    matches.add(p.path("id").asText());
                }
            }
            if (matches.size() != 1) {
                throw new UserError(1, matches.isEmpty() ? "no pool named " + ref : "pool name " + ref + " is ambiguous; use its id");
            }
            return matches.get(0);
        }

        static String hostId(FleetApiClient client, String ref) throws IOException, FleetApiClient.ApiError {
            for (JsonNode h : client.get("/api/v1/hosts")) {
                if (h.path("id").asText().equals(ref) || h.path("hostname").asText().equals(ref) || h.path("machineId").asText().equals(ref)) {
                    return h.path("id").asText();
                }
            }
            throw new UserError(1, "no host " + ref);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a HybridCluster spec: the cluster, a default profile, one pool per site.")
    static final class Import extends ApiCall {
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The spec file to import.")
        Path file;

        @Option(names = "--nodeadm-version", defaultValue = "latest", description = "The nodeadm version hosts install. Default: ${DEFAULT-VALUE}.")
        String nodeadm;

        @Override
        public Integer call() {
            LoadResult result = new SpecLoader().load(file);
            if (result.validSpec().isEmpty()) {
                spec.commandLine().getErr().print(new TextFormat(false).render(result.report()));
                return result.report().exitCode(false);
            }
            return super.call();
        }

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            HybridCluster hc = new SpecLoader().load(file).validSpec().orElseThrow();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", hc.name());
            body.put("region", hc.cluster().region());
            body.put("kubernetesVersion", hc.cluster().kubernetesVersion());
            body.put("credentialProvider", hc.credentials().provider().nodeadmName());
            body.put("sites", hc.sites().stream().map(Site::name).map(n -> Map.of("name", n)).toList());
            body.put("nodeadmVersion", nodeadm);
            // The server renders each host's NodeConfig from its entry in the spec (node IP, site and zone labels).
            String text = Files.readString(file);
            if (text.length() <= 200_000) {
                body.put("spec", text);
            }
            JsonNode r = client.post("/api/v1/clusters", body);
            out.println("imported cluster " + hc.name() + " with " + r.path("pools").size() + " pools:");
            for (JsonNode p : r.path("pools")) {
                out.println("  " + p.path("name").asText() + "  " + p.path("id").asText());
            }
        }
    }

    @Command(name = "pools", mixinStandardHelpOptions = true, description = "Pool summaries: ready/total, versions, update available.")
    static final class Pools extends ApiCall {
        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            out.printf("%-24s %-12s %-8s %-8s %-10s %s%n", "POOL", "READY", "FAILED", "REV", "UPDATE", "ID");
            for (JsonNode p : client.get("/api/v1/pools")) {
                out.printf("%-24s %-12s %-8s %-8s %-10s %s%n", p.path("name").asText(), p.path("ready").asInt() + "/" + p.path("total").asInt(),
                        p.path("failed").asInt(), "r" + p.path("profileRevision").asInt(),
                        p.path("updateAvailable").asBoolean() ? "r" + p.path("latestRevision").asInt() : "-", p.path("id").asText());
            }
        }
    }

    @Command(name = "hosts", mixinStandardHelpOptions = true, description = "Registered hosts.")
    static final class Hosts extends ApiCall {
        @Option(names = "--unassigned", description = "Only hosts in no pool.")
        boolean unassigned;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            out.printf("%-24s %-14s %-12s %-38s %s%n", "HOST", "STATE", "HEALTH", "ID", "POOL");
            for (JsonNode h : client.get("/api/v1/hosts" + (unassigned ? "?unassigned=true" : ""))) {
                out.printf("%-24s %-14s %-12s %-38s %s%n", h.path("hostname").asText(), h.path("state").asText(), h.path("health").asText(),
                        h.path("id").asText(), h.path("poolId").asText("-"));
            }
        }
    }

    @Command(name = "token-create", mixinStandardHelpOptions = true,
            description = "Create a pool registration token. It is shown once, with the agent command line.")
    static final class TokenCreate extends ApiCall {
        @Option(names = "--pool", required = true, description = "Pool name or id.")
        String pool;

        @Option(names = "--max-uses", defaultValue = "1", description = "How many hosts may register with the token. Default: ${DEFAULT-VALUE}.")
        int maxUses;

        @Option(names = "--ttl-seconds", defaultValue = "86400", description = "How long the token is valid, in seconds. Default: ${DEFAULT-VALUE}.")
        long ttl;

        @Option(names = "--no-auto-assign", description = "Registered hosts wait in the inventory instead of joining the pool.")
        boolean noAutoAssign;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode r = client.post("/api/v1/registration-tokens", Map.of("poolId", poolId(client, pool), "maxUses", maxUses,
                    "ttlSeconds", ttl, "autoAssign", !noAutoAssign));
            out.println("registration token " + r.path("id").asText() + " (shown only now):");
            out.println("  " + r.path("token").asText());
            out.println("on each host run:");
            out.println("  " + r.path("agentCommand").asText());
        }
    }

    @Command(name = "token-revoke", mixinStandardHelpOptions = true, description = "Revoke a registration token.")
    static final class TokenRevoke extends ApiCall {
        @Parameters(paramLabel = "TOKEN-ID", description = "The id token-create printed.")
        String id;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            client.delete("/api/v1/registration-tokens/" + id);
            out.println("revoked " + id);
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Assign a host to a pool; this starts its bootstrap.")
    static final class Assign extends ApiCall {
        @Parameters(paramLabel = "HOST", description = "Host name, machine-id or id.")
        String host;

        @Option(names = "--pool", required = true, description = "The pool's name or id.")
        String pool;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode op = client.post("/api/v1/hosts/" + hostId(client, host) + "/assign", Map.of("poolId", poolId(client, pool)));
            out.println("bootstrap operation " + op.path("id").asText() + " queued");
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Let a host's next registration bring a new key (after a re-image).")
    static final class Reset extends ApiCall {
        @Parameters(paramLabel = "HOST", description = "The host's name, machine-id or id.")
        String host;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            client.post("/api/v1/hosts/" + hostId(client, host) + "/reset", Map.of());
            out.println("reset " + host);
        }
    }

    @Command(name = "operate", mixinStandardHelpOptions = true, description = "Start an operation: bootstrap, upgrade, uninstall, rotate-credentials.")
    static final class Operate extends ApiCall {
        @Parameters(index = "0", paramLabel = "KIND", description = "The operation: bootstrap, upgrade, uninstall or rotate-credentials.")
        String kind;

        @Parameters(index = "1", paramLabel = "HOST", description = "The host's name, machine-id or id.")
        String host;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode op = client.post("/api/v1/operations", Map.of("hostId", hostId(client, host), "kind", kind));
            out.println(kind + " operation " + op.path("id").asText() + " queued");
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "An operation's steps and log.")
    static final class Logs extends ApiCall {
        @Parameters(paramLabel = "OPERATION-ID", description = "The id operate printed.")
        String id;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode op = client.get("/api/v1/operations/" + id);
            out.println(op.path("kind").asText() + " " + op.path("state").asText() + " " + op.path("reason").asText());
            for (JsonNode s : op.path("steps")) {
                out.println("  " + s.path("index").asInt() + " " + s.path("name").asText() + " " + s.path("state").asText());
            }
            for (JsonNode l : client.get("/api/v1/operations/" + id + "/logs")) {
                out.println(l.path("line").asText());
            }
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true, description = "Recent events, optionally of one pool.")
    static final class Events extends ApiCall {
        @Option(names = "--pool", description = "Only this pool's events (name or id).")
        String pool;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            String q = pool == null ? "" : "?pool=" + poolId(client, pool);
            for (JsonNode e : client.get("/api/v1/events" + q)) {
                out.println(java.time.Instant.ofEpochMilli(e.path("at").asLong()) + "  " + e.path("kind").asText() + "  " + e.path("message").asText());
            }
        }
    }

    @Command(name = "activation-set", mixinStandardHelpOptions = true,
            description = "Upload the cluster's SSM hybrid activation. The code is read from a file or HYBRIDCTL_SSM_ACTIVATION_CODE, never argv.")
    static final class Activation extends ApiCall {
        @Parameters(paramLabel = "CLUSTER", description = "The cluster's name or id.")
        String cluster;

        @Option(names = "--activation-id", required = true, description = "The SSM hybrid activation id.")
        String activationId;

        @Option(names = "--code-file", paramLabel = "FILE", description = "A file holding the activation code; without it, HYBRIDCTL_SSM_ACTIVATION_CODE (never argv).")
        Path codeFile;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            String code = codeFile != null ? Files.readString(codeFile).trim() : System.getenv("HYBRIDCTL_SSM_ACTIVATION_CODE");
            if (code == null || code.isBlank()) {
                throw new UserError(2, "give the activation code with --code-file or HYBRIDCTL_SSM_ACTIVATION_CODE");
            }
            client.put("/api/v1/clusters/" + cluster + "/ssm-activation", Map.of("activationId", activationId, "activationCode", code));
            out.println("activation " + activationId + " stored for " + cluster);
        }
    }

    @Command(name = "api-token-create", mixinStandardHelpOptions = true, description = "Create an API token (viewer, operator or admin). Shown once.")
    static final class ApiToken extends ApiCall {
        @Option(names = "--name", required = true, description = "A name for the token, shown in the audit log.")
        String name;

        @Option(names = "--role", required = true, description = "The token's role: viewer, operator or admin.")
        String role;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode r = client.post("/api/v1/api-tokens", Map.of("name", name, "role", role));
            out.println(role + " token " + r.path("id").asText() + " (shown only now):");
            out.println("  " + r.path("token").asText());
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log: who changed what, when.")
    static final class Audit extends ApiCall {
        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            for (JsonNode a : client.get("/api/v1/audit")) {
                out.println(java.time.Instant.ofEpochMilli(a.path("at").asLong()) + "  " + a.path("actor").asText() + "  "
                        + a.path("action").asText() + "  " + a.path("target").asText() + "  " + a.path("detail").asText());
            }
        }
    }
}
