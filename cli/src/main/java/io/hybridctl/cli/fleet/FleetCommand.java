package io.hybridctl.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hybridctl.cli.UserError;
import io.hybridctl.fleet.client.FleetApiClient;
import io.hybridctl.spec.diag.format.TextFormat;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
                FleetCommand.Logs.class, FleetCommand.Events.class, FleetCommand.Activation.class, FleetCommand.IamRolesAnywhere.class,
                FleetCommand.Drift.class, FleetCommand.DriftOverride.class, FleetCommand.ApiToken.class, FleetCommand.Audit.class,
                FleetLogin.class})
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
            // Output is built whole and printed only on success, so a failure never leaves a header on stdout.
            StringWriter buffer = new StringWriter();
            try (FleetApiClient client = api.client()) {
                call(client, new PrintWriter(buffer));
            } catch (FleetApiClient.ApiError e) {
                throw new UserError(1, "the fleet server refused (" + e.status() + "): " + e.getMessage());
            } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                throw new UserError(1, "cannot reach the fleet server at " + api.serverUrl() + ": nothing answers there; start it with"
                        + " `hybridctl server`, or check --server");
            } catch (javax.net.ssl.SSLException e) {
                throw new UserError(1, "cannot talk TLS to the fleet server at " + api.serverUrl() + ": its certificate is not from the CA in"
                        + " --ca-file (" + describe(e) + ")");
            } catch (IOException e) {
                throw new UserError(1, "cannot reach the fleet server at " + api.serverUrl() + ": " + describe(e));
            }
            spec.commandLine().getOut().print(buffer);
            spec.commandLine().getOut().flush();
            return 0;
        }

        static String describe(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().isBlank()) {
                    return t.getMessage();
                }
            }
            return e.getClass().getSimpleName();
        }

        static void json(FleetApiClient client, PrintWriter out, JsonNode node) throws IOException {
            out.println(client.json().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
        }

        /** Prints a read result as JSON or YAML for scripts, or lets the command print its table. */
        static boolean structured(FleetApiClient client, PrintWriter out, Output o, JsonNode node) throws IOException {
            switch (o.format) {
                case json -> out.println(client.json().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
                case yaml -> out.print(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(node));
                case text -> {
                    return false;
                }
            }
            return true;
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

    /** -o for read commands. */
    static final class Output {
        enum Format { text, json, yaml }

        @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
                description = "text (a table for people), json or yaml (the API's objects, for scripts). Default: ${DEFAULT-VALUE}.")
        Format format;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a HybridCluster spec: the cluster, a default profile, one pool per site, and what each host should be.",
                    "Importing it again updates the design. The server reads the files the spec names (caBundle) relative to the spec's directory."})
    static final class Import extends ApiCall {
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC", description = "The HybridCluster spec (YAML).")
        Path file;

        @Option(names = "--nodeadm-version", defaultValue = "latest", paramLabel = "VERSION",
                description = "nodeadm version the default profile installs. Default: ${DEFAULT-VALUE}.")
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
            String text = Files.readString(file);
            if (text.length() > 200_000) {
                throw new UserError(2, file + " is larger than 200,000 characters; the fleet server takes specs up to that size");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("spec", text);
            body.put("specDirectory", file.toAbsolutePath().getParent().toString());
            body.put("nodeadmVersion", nodeadm);
            JsonNode r = client.post("/api/v1/clusters", body);
            out.println("imported cluster " + r.path("cluster").path("name").asText() + " with " + r.path("pools").size() + " pools:");
            for (JsonNode p : r.path("pools")) {
                out.println("  " + p.path("name").asText());
            }
        }
    }

    @Command(name = "pools", mixinStandardHelpOptions = true,
            description = "Pool summaries: ready / registered / planned hosts, failures, drift, profile revision, update available.")
    static final class Pools extends ApiCall {
        @Mixin
        Output output;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode pools = client.get("/api/v1/pools");
            if (structured(client, out, output, pools)) {
                return;
            }
            out.printf("%-20s %-20s %-18s %-7s %-8s %-8s %-6s %s%n", "CLUSTER", "POOL", "READY/REG/PLANNED", "FAILED", "DRIFTED", "MISSING", "REV", "UPDATE");
            for (JsonNode p : pools) {
                out.printf("%-20s %-20s %-18s %-7s %-8s %-8s %-6s %s%n", p.path("cluster").asText(), p.path("name").asText(),
                        p.path("ready").asInt() + "/" + p.path("total").asInt() + "/" + p.path("planned").asInt(), p.path("failed").asInt(),
                        p.path("drifted").asInt(), p.path("missing").asInt(), "r" + p.path("profileRevision").asInt(),
                        p.path("updateAvailable").asBoolean() ? "r" + p.path("latestRevision").asInt() : "-");
            }
        }
    }

    @Command(name = "hosts", mixinStandardHelpOptions = true, description = "Registered hosts: state, health, pool, drift from the spec.")
    static final class Hosts extends ApiCall {
        @Option(names = "--unassigned", description = "Only hosts in no pool.")
        boolean unassigned;

        @Mixin
        Output output;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode hosts = client.get("/api/v1/hosts" + (unassigned ? "?unassigned=true" : ""));
            if (structured(client, out, output, hosts)) {
                return;
            }
            out.printf("%-24s %-14s %-12s %-20s %-20s %s%n", "HOST", "STATE", "HEALTH", "CLUSTER", "POOL", "DRIFT");
            for (JsonNode h : hosts) {
                List<String> drift = new ArrayList<>();
                h.path("drift").forEach(d -> drift.add(d.path("kind").asText()));
                out.printf("%-24s %-14s %-12s %-20s %-20s %s%n", h.path("hostname").asText(), h.path("state").asText(), h.path("health").asText(),
                        h.path("cluster").asText("-"), h.path("pool").asText("-"),
                        drift.isEmpty() ? "-" : String.join(",", drift) + (h.path("driftOverride").asBoolean() ? " (accepted)" : ""));
            }
        }
    }

    @Command(name = "token-create", mixinStandardHelpOptions = true,
            description = "Create a pool registration token. It is shown once, with the agent command line.")
    static final class TokenCreate extends ApiCall {
        @Option(names = "--pool", required = true, description = "Pool name or id.")
        String pool;

        @Option(names = "--max-uses", defaultValue = "1", paramLabel = "N",
                description = "How many hosts may register with it (1 to 100000). Default: ${DEFAULT-VALUE}.")
        int maxUses;

        @Option(names = "--ttl", defaultValue = "24h", paramLabel = "DURATION", converter = io.hybridctl.cli.pki.DurationConverter.class,
                description = "How long it stays valid, e.g. 12h or 30d (at most 30d). Default: ${DEFAULT-VALUE}.")
        java.time.Duration ttl;

        @Option(names = "--no-auto-assign", description = "Registered hosts wait in the inventory instead of joining the pool.")
        boolean noAutoAssign;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            if (ttl.compareTo(java.time.Duration.ofDays(30)) > 0) {
                throw new UserError(2, "--ttl " + ttl.toDays() + "d is longer than 30d, the longest a registration token may live");
            }
            JsonNode r = client.post("/api/v1/registration-tokens", Map.of("poolId", poolId(client, pool), "maxUses", maxUses,
                    "ttlSeconds", ttl.toSeconds(), "autoAssign", !noAutoAssign));
            out.println("registration token " + r.path("id").asText() + " (shown only now):");
            out.println("  " + r.path("token").asText());
            out.println("on each host, put it in a file only root can read, then start the agent:");
            out.println("  sudo install -D -m 0600 /dev/stdin /etc/hybridctl/registration-token   # paste the token, then Ctrl-D");
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

        @Option(names = "--pool", required = true, paramLabel = "POOL", description = "Pool name or id.")
        String pool;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode op = client.post("/api/v1/hosts/" + hostId(client, host) + "/assign", Map.of("poolId", poolId(client, pool)));
            out.println("bootstrap operation " + op.path("id").asText() + " queued");
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Let a host's next registration bring a new key (after a re-image).")
    static final class Reset extends ApiCall {
        @Parameters(paramLabel = "HOST", description = "Host name, machine-id or id.")
        String host;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            client.post("/api/v1/hosts/" + hostId(client, host) + "/reset", Map.of());
            out.println("reset " + host);
        }
    }

    @Command(name = "operate", mixinStandardHelpOptions = true, description = "Start an operation: bootstrap, upgrade, uninstall, rotate-credentials.")
    static final class Operate extends ApiCall {
        @Parameters(index = "0", paramLabel = "KIND", description = "bootstrap, upgrade, uninstall or rotate-credentials.")
        String kind;

        @Parameters(index = "1", paramLabel = "HOST", description = "Host name, machine-id or id.")
        String host;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode op = client.post("/api/v1/operations", Map.of("hostId", hostId(client, host), "kind", kind));
            out.println(kind + " operation " + op.path("id").asText() + " queued");
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "An operation's steps and log.")
    static final class Logs extends ApiCall {
        @Parameters(paramLabel = "OPERATION-ID", description = "The operation's id (from `hybridctl fleet hosts -o json` or the UI).")
        String id;

        @Mixin
        Output output;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode op = client.get("/api/v1/operations/" + id);
            if (output.format != Output.Format.text) {
                com.fasterxml.jackson.databind.node.ObjectNode both = client.json().createObjectNode();
                both.set("operation", op);
                both.set("logs", client.get("/api/v1/operations/" + id + "/logs"));
                structured(client, out, output, both);
                return;
            }
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
        @Option(names = "--pool", paramLabel = "POOL", description = "Only this pool's events (name or id).")
        String pool;

        @Mixin
        Output output;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            String q = pool == null ? "" : "?pool=" + poolId(client, pool);
            JsonNode events = client.get("/api/v1/events" + q);
            if (structured(client, out, output, events)) {
                return;
            }
            for (JsonNode e : events) {
                out.println(java.time.Instant.ofEpochMilli(e.path("at").asLong()) + "  " + e.path("kind").asText() + "  " + e.path("message").asText());
            }
        }
    }

    @Command(name = "activation-set", mixinStandardHelpOptions = true,
            description = "Upload the cluster's SSM hybrid activation. The code is read from a file or HYBRIDCTL_SSM_ACTIVATION_CODE, never argv.")
    static final class Activation extends ApiCall {
        @Parameters(paramLabel = "CLUSTER", description = "Cluster name (metadata.name of the spec).")
        String cluster;

        @Option(names = "--activation-id", required = true, paramLabel = "ID", description = "The ActivationId `aws ssm create-activation` returned.")
        String activationId;

        @Option(names = "--code-file", paramLabel = "FILE", description = "File holding the activation code (else $HYBRIDCTL_SSM_ACTIVATION_CODE).")
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
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what the token is for (shown in the audit log).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer (read), operator (change) or admin (tokens, credentials, audit).")
        String role;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode r = client.post("/api/v1/api-tokens", Map.of("name", name, "role", role));
            out.println(role + " token " + r.path("id").asText() + " (shown only now):");
            out.println("  " + r.path("token").asText());
        }
    }

    @Command(name = "iam-roles-anywhere-set", mixinStandardHelpOptions = true,
            description = {"Store the cluster's IAM Roles Anywhere ARNs (the outputs of the plan's CloudFormation stack) for its NodeConfigs: "
                    + "the three --*-arn options, or --from-stack-outputs with what `aws cloudformation describe-stacks` printed."})
    static final class IamRolesAnywhere extends ApiCall {
        @Parameters(paramLabel = "CLUSTER", description = "Cluster name (metadata.name of the spec).")
        String cluster;

        @Option(names = "--from-stack-outputs", paramLabel = "FILE",
                description = "JSON of `aws cloudformation describe-stacks --stack-name CLUSTER-hybrid` (or its Outputs array): the three ARNs are taken from it.")
        Path stackOutputs;

        @Option(names = "--stack-name", paramLabel = "NAME",
                description = "The stack to read in --from-stack-outputs. Default: CLUSTER-hybrid, the name plan's runbook deploys it as.")
        String stackName;

        @Option(names = "--trust-anchor-arn", paramLabel = "ARN",
                description = "arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/ID (stack output RemoteNodesTrustAnchorARN).")
        String trustAnchor;

        @Option(names = "--profile-arn", paramLabel = "ARN",
                description = "arn:aws:rolesanywhere:REGION:ACCOUNT:profile/ID (stack output RemoteNodesAnywhereProfileARN).")
        String profile;

        @Option(names = "--role-arn", paramLabel = "ARN",
                description = "arn:aws:iam::ACCOUNT:role/NAME (stack output RemoteNodesRoleARN).")
        String role;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            if (stackOutputs != null) {
                if (trustAnchor != null || profile != null || role != null) {
                    throw new UserError(2, "give either --from-stack-outputs or the three --*-arn options, not both");
                }
                try {
                    var outputs = io.hybridctl.plan.stack.StackOutputs.read(stackOutputs, stackName != null ? stackName : io.hybridctl.plan.stack.StackOutputs.stackName(cluster));
                    var ira = outputs.iamRolesAnywhere(java.util.Optional.empty(), stackOutputs.toString());
                    trustAnchor = ira.trustAnchorArn();
                    profile = ira.profileArn();
                    role = ira.roleArn();
                } catch (io.hybridctl.plan.PlanInputException e) {
                    throw new UserError(2, e.getMessage());
                }
            } else if (trustAnchor == null || profile == null || role == null) {
                throw new UserError(2, "give --trust-anchor-arn, --profile-arn and --role-arn, or --from-stack-outputs FILE");
            }
            IraArns.check("--trust-anchor-arn", trustAnchor, IraArns.TRUST_ANCHOR);
            IraArns.check("--profile-arn", profile, IraArns.PROFILE);
            IraArns.check("--role-arn", role, IraArns.ROLE);
            client.put("/api/v1/clusters/" + cluster + "/iam-roles-anywhere", Map.of("trustAnchorArn", trustAnchor, "profileArn", profile,
                    "roleArn", role));
            out.println("IAM Roles Anywhere settings stored for " + cluster);
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = {"Design against reality for a cluster: hosts that differ from the spec, spec hosts that never registered "
                    + "(missing) and registered hosts the spec does not list (unknown). Exit 0 either way; use -o json in scripts."})
    static final class Drift extends ApiCall {
        @Parameters(paramLabel = "CLUSTER", description = "Cluster name (metadata.name of the spec).")
        String cluster;

        @Mixin
        Output output;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode r = client.get("/api/v1/clusters/" + cluster + "/drift");
            if (structured(client, out, output, r)) {
                return;
            }
            out.println("missing (in the spec, never registered): " + join(r.path("missing")));
            out.println("unknown (registered, not in the spec):   " + join(r.path("unknown")));
            for (JsonNode h : r.path("hosts")) {
                out.println(h.path("hostname").asText() + " (pool " + h.path("pool").asText() + ")"
                        + (h.path("override").asBoolean() ? ", accepted by an operator:" : ":"));
                for (JsonNode c : h.path("conditions")) {
                    out.println("  " + c.path("kind").asText() + ": " + c.path("message").asText());
                }
            }
        }

        private static String join(JsonNode names) {
            List<String> l = new ArrayList<>();
            names.forEach(n -> l.add(n.asText()));
            return l.isEmpty() ? "-" : String.join(", ", l);
        }
    }

    @Command(name = "drift-override", mixinStandardHelpOptions = true,
            description = "Accept a host's differences from the spec, so its bootstrap is no longer held (audited; operator role).")
    static final class DriftOverride extends ApiCall {
        @Parameters(paramLabel = "HOST", description = "Host name, machine-id or id.")
        String host;

        @Option(names = "--clear", description = "Withdraw the acceptance: the host's drift holds its bootstrap again.")
        boolean clear;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            client.put("/api/v1/hosts/" + hostId(client, host) + "/drift-override", Map.of("override", !clear));
            out.println(clear ? "drift of " + host + " no longer accepted" : "drift of " + host + " accepted; start its bootstrap with"
                    + " `hybridctl fleet operate bootstrap " + host + "`");
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log: who changed what, when.")
    static final class Audit extends ApiCall {
        @Mixin
        Output output;

        @Override
        void call(FleetApiClient client, PrintWriter out) throws IOException, FleetApiClient.ApiError {
            JsonNode log = client.get("/api/v1/audit");
            if (structured(client, out, output, log)) {
                return;
            }
            for (JsonNode a : log) {
                out.println(java.time.Instant.ofEpochMilli(a.path("at").asLong()) + "  " + a.path("actor").asText() + "  "
                        + a.path("action").asText() + "  " + a.path("target").asText() + "  " + a.path("detail").asText());
            }
        }
    }
}
