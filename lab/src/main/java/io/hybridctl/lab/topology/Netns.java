package io.hybridctl.lab.topology;

/** One network namespace of the lab. */
public record Netns(String name, NamespaceRole role, String label) {
}
