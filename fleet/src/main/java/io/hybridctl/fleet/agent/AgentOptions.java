package io.hybridctl.fleet.agent;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param root          prefix for files the agent writes ("/" on a real host; a scratch directory when simulated)
 * @param simulate      use the simulated executor
 * @param simStep       how long each simulated command takes
 * @param simFail       a nodeadm verb that fails in simulation (e.g. "init"), or null
 * @param maxBackoff    cap for reconnect backoff
 * @param simFacts      what a simulated agent reports as OS, version, architecture and addresses (null: nothing)
 */
public record AgentOptions(String server, String token, Path caFile, String caFingerprint, Path stateDir, Path root,
                           String hostname, String machineId, boolean simulate, Duration simStep, String simFail,
                           double simFailRate, Duration maxBackoff, String ssmInstanceId,
                           SimulatedFacts simFacts) {
}
