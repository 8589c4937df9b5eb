package io.hybridctl.lab.topology;

/**
 * A veth pair between two lab namespaces. Both ends are created directly inside their namespaces, so no end ever
 * exists in the machine's own namespace, not even for a moment.
 */
public record Veth(String namespaceA, String interfaceA, String namespaceB, String interfaceB) {
}
