package io.hybridctl.fleet.model;

/** Admin API roles; each includes the rights of the ones before it. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean allows(Role required) {
        return ordinal() >= required.ordinal();
    }
}
