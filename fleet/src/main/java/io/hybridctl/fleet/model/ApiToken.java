package io.hybridctl.fleet.model;

public record ApiToken(String id, String name, Role role, long createdAt, Long revokedAt) {
}
