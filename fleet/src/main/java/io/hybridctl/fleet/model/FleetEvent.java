package io.hybridctl.fleet.model;

public record FleetEvent(long id, long at, String poolId, String hostId, String kind, String message) {
}
