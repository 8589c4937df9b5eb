package io.hybridctl.fleet.model;

public record RegistrationToken(String id, String poolId, long expiresAt, int maxUses, int uses, boolean autoAssign, Long revokedAt,
                                long createdAt) {
}
