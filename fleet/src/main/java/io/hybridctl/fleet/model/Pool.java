package io.hybridctl.fleet.model;

/** A hybrid node pool: one per site, pinned to a profile revision. */
public record Pool(String id, String clusterId, String name, String profileId, int profileRevision, long createdAt) {
}
