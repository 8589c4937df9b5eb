package io.hybridctl.fleet.model;

public enum OperationState {
    PENDING, RUNNING, SUCCEEDED, FAILED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
