package io.hybridctl.fleet.server;

import io.hybridctl.fleet.model.Role;

/** Who is calling the admin API: the token's name is what the audit log records. */
public record Caller(String tokenId, String name, Role role) {

    public String actor() {
        return name + " (" + tokenId.substring(0, 8) + ")";
    }
}
