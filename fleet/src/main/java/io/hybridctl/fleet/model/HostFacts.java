package io.hybridctl.fleet.model;

import java.util.List;

/** What an agent reports about its machine. Nothing here is secret. */
public record HostFacts(String hostname, String machineId, String os, String osVersion, String kernel, String arch,
                        int cpus, long memoryBytes, List<Disk> disks, List<NetInterface> interfaces) {

    public HostFacts {
        disks = disks == null ? List.of() : List.copyOf(disks);
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    }

    public record Disk(String name, long sizeBytes) {
    }

    public record NetInterface(String name, String mac, List<String> addresses) {
        public NetInterface {
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }
}
