package io.hybridctl.spec.model;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A machine that joins the cluster as a hybrid node. Its name is the Kubernetes node name. */
public record Host(String name, String site, int siteIndex, int index, Ipv4Address address, Os os, String osVersion,
                   Arch arch, Map<String, String> labels, Optional<Prefix> podBlock, List<String> kubeletFlags,
                   Optional<Long> asn) {

    public Host {
        labels = Map.copyOf(labels);
        kubeletFlags = List.copyOf(kubeletFlags);
    }

    public String path() {
        return "spec.sites[" + siteIndex + "].hosts[" + index + "]";
    }

    public enum Os {
        UBUNTU("ubuntu"), RHEL("rhel"), AL2023("al2023"), BOTTLEROCKET("bottlerocket");

        private final String id;

        Os(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public enum Arch { AMD64, ARM64 }
}
