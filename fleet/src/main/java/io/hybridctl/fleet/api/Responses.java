package io.hybridctl.fleet.api;

import java.util.List;

/** Response bodies that carry more than a stored model record. */
public final class Responses {

    private Responses() {
    }

    public record Registered(String hostId, String poolId, String certificate, String caCertificate, int heartbeatSeconds) {
    }

    public record HeartbeatAck(List<String> operations, int heartbeatSeconds) {
        public HeartbeatAck {
            operations = List.copyOf(operations);
        }
    }

    public record PlanStep(int index, String name, String state) {
    }

    public record PlanFile(String path, String mode, String content) {
        @Override
        public String toString() {
            return "PlanFile[path=" + path + ", mode=" + mode + ", content=<" + content.length() + " chars>]";
        }
    }

    /** Where the agent keeps the IAM Roles Anywhere key it generates, and the CN the certificate will carry. */
    public record NodeCertificateSpec(String commonName, String certificatePath, String privateKeyPath) {
    }

    /** Everything an agent needs to run one operation. Secrets inside files are redacted from its toString. */
    public record OperationPlan(String id, String kind, String kubernetesVersion, String credentialProvider, String region,
                                String nodeName, List<PlanStep> steps, List<PlanFile> files,
                                NodeCertificateSpec nodeCertificate, List<String> secrets) {
        public OperationPlan {
            steps = List.copyOf(steps);
            files = List.copyOf(files);
            secrets = List.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "OperationPlan[id=" + id + ", kind=" + kind + ", steps=" + steps + ", files=" + files + "]";
        }
    }

    public record IssuedToken(String id, String token, long expiresAt, int maxUses, String agentCommand) {
        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", token=<redacted>]";
        }
    }

    public record IssuedApiToken(String id, String name, String role, String token) {
        @Override
        public String toString() {
            return "IssuedApiToken[id=" + id + ", token=<redacted>]";
        }
    }

    /**
     * @param total    hosts in the pool (registered)
     * @param planned  hosts the spec puts in this site
     * @param drifted  hosts in the pool that differ from the spec
     * @param missing  hosts the spec plans here that never registered
     */
    public record PoolSummary(String id, String name, String clusterId, String cluster, int ready, int total, int planned,
                              int bootstrapping, int failed, int unhealthy, int drifted, int missing, String profile,
                              int profileRevision, int latestRevision, boolean updateAvailable, List<String> kubernetesVersions) {
    }

    public record DriftCondition(String kind, String message) {
    }

    public record HostDrift(String id, String hostname, String pool, boolean override, List<DriftCondition> conditions) {
    }

    /**
     * Design against reality for one cluster.
     *
     * @param missing hosts of the spec that never registered
     * @param unknown registered hosts (in the cluster's pools) the spec does not list
     * @param hosts   every host in the cluster's pools that differs from the spec
     */
    public record DriftReport(String cluster, List<String> missing, List<String> unknown, List<HostDrift> hosts) {
    }
}
