package io.hybridctl.fleet.model;

public enum Health {
    HEALTHY, DEGRADED, UNREACHABLE, NOT_READY
}
