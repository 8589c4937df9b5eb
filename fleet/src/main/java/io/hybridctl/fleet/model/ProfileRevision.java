package io.hybridctl.fleet.model;

import java.util.Map;

/** One immutable revision of a profile: what a pool's hosts run. */
public record ProfileRevision(String profileId, String profileName, int revision, String kubernetesVersion,
                              String nodeadmVersion, String credentialProvider, String osImage,
                              Map<String, Object> kubeletExtra, long createdAt) {
    public ProfileRevision {
        kubeletExtra = Map.copyOf(kubeletExtra);
    }
}
