package io.hybridctl.fleet.model;

/** Where a host is in its life: free in inventory, joining, a node, or waiting for an admin after a reset. */
public enum HostState {
    REGISTERED, BOOTSTRAPPING, READY, FAILED, UNINSTALLED, RESET
}
