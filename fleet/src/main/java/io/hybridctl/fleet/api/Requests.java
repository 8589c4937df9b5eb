package io.hybridctl.fleet.api;

import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.model.OperationState;
import io.hybridctl.fleet.model.StepState;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Request bodies of the API. Each validates itself after Jackson has bound it (unknown fields are rejected by the
 * mapper); a failed check is an IllegalArgumentException whose message names the field.
 */
public final class Requests {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+(\\.[0-9]+)?");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:[A-Za-z0-9_+=,.@/:-]{1,300}");

    private Requests() {
    }

    public interface Validated {
        void validate();
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    static String dnsLabel(String value, String field) {
        require(value != null, field + " is required");
        require(NAME.matcher(value).matches(), field + " must be a DNS label (lower-case letters, digits, '-', at most 63)");
        return value;
    }

    static void text(String value, String field, int max) {
        require(value != null && !value.isBlank(), field + " is required");
        require(value.length() <= max, field + " is longer than " + max + " characters");
    }

    static void provider(String value, String field) {
        require("ssm".equals(value) || "iam-ra".equals(value), field + " must be 'ssm' or 'iam-ra'");
    }

    /**
     * @param spec          the HybridCluster spec (YAML): the cluster, one pool per site, and what each host should be
     * @param specDirectory the absolute directory the spec's relative paths (caBundle) resolve against, as the server sees it
     */
    public record ImportCluster(String spec, String specDirectory, String nodeadmVersion, String osImage) implements Validated {
        @Override
        public void validate() {
            text(spec, "spec", 200_000);
            if (specDirectory != null) {
                text(specDirectory, "specDirectory", 4096);
                require(specDirectory.startsWith("/"), "specDirectory must be an absolute path");
            }
            if (nodeadmVersion != null) {
                text(nodeadmVersion, "nodeadmVersion", 40);
            }
            if (osImage != null) {
                text(osImage, "osImage", 400);
            }
        }
    }

    public record DriftOverride(Boolean override) implements Validated {
        @Override
        public void validate() {
            require(override != null, "override is required (true or false)");
        }
    }

    public record CreateRegistrationToken(String poolId, Long ttlSeconds, Integer maxUses, Boolean autoAssign) implements Validated {
        @Override
        public void validate() {
            text(poolId, "poolId", 36);
            require(ttlSeconds == null || (ttlSeconds > 0 && ttlSeconds <= 30L * 24 * 3600), "ttlSeconds must be 1..2592000 (30 days)");
            require(maxUses == null || (maxUses > 0 && maxUses <= 100_000), "maxUses must be 1..100000");
        }
    }

    public record CreateApiToken(String name, String role) implements Validated {
        @Override
        public void validate() {
            text(name, "name", 200);
            require("viewer".equals(role) || "operator".equals(role) || "admin".equals(role), "role must be viewer, operator or admin");
        }
    }

    public record Register(String token, String csr, HostFacts facts) implements Validated {
        @Override
        public void validate() {
            text(token, "token", 200);
            text(csr, "csr", 10_000);
            require(facts != null, "facts is required");
            text(facts.machineId(), "facts.machineId", 64);
            require(facts.machineId().matches("[A-Za-z0-9_-]{1,64}"), "facts.machineId must be letters, digits, '-' or '_'");
            text(facts.hostname(), "facts.hostname", 253);
            require(facts.cpus() >= 0 && facts.memoryBytes() >= 0, "facts.cpus and facts.memoryBytes must not be negative");
            require(facts.disks().size() <= 256 && facts.interfaces().size() <= 256, "facts: at most 256 disks and interfaces");
        }

        @Override
        public String toString() {
            return "Register[token=<redacted>, machineId=" + (facts == null ? null : facts.machineId()) + "]";
        }
    }

    public record Check(String name, boolean ok, String detail) {
    }

    public record Heartbeat(HostFacts facts, List<Check> checks, String ssmInstanceId) implements Validated {
        @Override
        public void validate() {
            require(checks == null || checks.size() <= 64, "checks: at most 64");
            if (checks != null) {
                for (Check c : checks) {
                    require(c != null && c.name() != null && c.name().length() <= 64, "checks[].name is required (at most 64 characters)");
                    require(c.detail() == null || c.detail().length() <= 1000, "checks[].detail: at most 1000 characters");
                }
            }
            require(ssmInstanceId == null || ssmInstanceId.matches("mi-[0-9a-f]{8,17}"), "ssmInstanceId must look like mi-0123456789abcdef0");
            if (facts != null) {
                text(facts.hostname(), "facts.hostname", 253);
            }
        }
    }

    public record StepReport(Integer step, StepState state, List<String> log, OperationState outcome, String reason)
            implements Validated {
        @Override
        public void validate() {
            require(step != null && step >= 0 && step < 32, "step must be 0..31");
            require(state != null, "state is required");
            require(log == null || log.size() <= 1000, "log: at most 1000 lines per report");
            require(outcome == null || outcome.terminal(), "outcome must be SUCCEEDED or FAILED");
            require(reason == null || reason.length() <= 2000, "reason: at most 2000 characters");
        }
    }

    public record NodeCertificate(String csr) implements Validated {
        @Override
        public void validate() {
            text(csr, "csr", 10_000);
        }
    }

    public record Assign(String poolId) implements Validated {
        @Override
        public void validate() {
            text(poolId, "poolId", 36);
        }
    }

    public record CreateOperation(String hostId, String kind) implements Validated {
        @Override
        public void validate() {
            text(hostId, "hostId", 36);
            text(kind, "kind", 24);
        }
    }

    public record ProfileRevisionSpec(String kubernetesVersion, String nodeadmVersion, String credentialProvider,
                                      String osImage, Map<String, Object> kubeletExtra) implements Validated {
        @Override
        public void validate() {
            require(kubernetesVersion != null && VERSION.matcher(kubernetesVersion).matches(), "kubernetesVersion must look like 1.31");
            text(nodeadmVersion, "nodeadmVersion", 40);
            provider(credentialProvider, "credentialProvider");
            text(osImage, "osImage", 400);
        }
    }

    public record PoolUpdate(Integer profileRevision) implements Validated {
        @Override
        public void validate() {
            require(profileRevision != null && profileRevision > 0, "profileRevision must be a positive revision number");
        }
    }

    public record SsmActivation(String activationId, String activationCode) implements Validated {
        @Override
        public void validate() {
            text(activationId, "activationId", 64);
            require(activationId.matches("[0-9a-f-]{36}"), "activationId must be the UUID SSM returned");
            text(activationCode, "activationCode", 128);
            require(activationCode.matches("[A-Za-z0-9+/=]{20,128}"), "activationCode must be the code SSM returned");
        }

        @Override
        public String toString() {
            return "SsmActivation[activationId=" + activationId + ", activationCode=<redacted>]";
        }
    }

    public record IraSettings(String trustAnchorArn, String profileArn, String roleArn) implements Validated {
        @Override
        public void validate() {
            for (String[] f : new String[][] {{trustAnchorArn, "trustAnchorArn"}, {profileArn, "profileArn"}, {roleArn, "roleArn"}}) {
                require(f[0] != null && ARN.matcher(f[0]).matches(), f[1] + " must be an ARN");
            }
        }
    }
}
