package io.hybridctl.fleet.model;

public enum StepState {
    PENDING, RUNNING, SUCCEEDED, FAILED
}
