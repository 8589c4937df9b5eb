package io.hybridctl.plan;

import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.ipam.LockFile;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The whole output tree (path -> artifact, sorted), the lock to commit, and the intent it was rendered from. */
public record RenderedPlan(SortedMap<String, Artifact> artifacts, LockFile lock, NetworkIntent intent) {

    public RenderedPlan {
        artifacts = Collections.unmodifiableSortedMap(new TreeMap<>(artifacts));
    }

    public Artifact get(String path) {
        Artifact a = artifacts.get(path);
        if (a == null) {
            throw new IllegalArgumentException("no artifact " + path);
        }
        return a;
    }
}
