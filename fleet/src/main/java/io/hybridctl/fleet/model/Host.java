package io.hybridctl.fleet.model;

/** A machine registered by its agent. {@code driftOverride}: an operator accepted its differences from the spec. */
public record Host(String id, String machineId, String hostname, String poolId, HostState state, Health health,
                   String healthDetail, String keyFingerprint, HostFacts facts, String nodeName, String ssmInstanceId,
                   long registeredAt, long lastHeartbeat, boolean driftOverride) {
}
