package io.hybridctl.spec.model;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A machine that joins the cluster as a hybrid node. Its name is the Kubernetes node name. */
public record Host(String name, String site, int siteIndex, int index, Ipv4Address address, Os os, String osVersion,
                   Arch arch, Map<String, String> labels, Optional<Prefix> podBlock, List<String> kubeletFlags,
                   Optional<Long> asn, Optional<ContainerdSource> containerdSource) {

    public Host {
        labels = Map.copyOf(labels);
        kubeletFlags = List.copyOf(kubeletFlags);
    }

    /** A host that leaves the containerd source to its OS default. */
    public Host(String name, String site, int siteIndex, int index, Ipv4Address address, Os os, String osVersion,
                Arch arch, Map<String, String> labels, Optional<Prefix> podBlock, List<String> kubeletFlags, Optional<Long> asn) {
        this(name, site, siteIndex, index, address, os, osVersion, arch, labels, podBlock, kubeletFlags, asn, Optional.empty());
    }

    /**
     * What `nodeadm install --containerd-source` gets: the spec's choice, else the one nodeadm accepts on the OS.
     * nodeadm refuses distro on RHEL and docker on AL2023 (aws/eks-hybrid internal/containerd ValidateContainerdSource).
     */
    public ContainerdSource effectiveContainerdSource() {
        return containerdSource.orElse(os == Os.RHEL ? ContainerdSource.DOCKER : ContainerdSource.DISTRO);
    }

    /** nodeadm install -s: where containerd comes from (none = already installed on the host). */
    public enum ContainerdSource {
        NONE("none"), DISTRO("distro"), DOCKER("docker");

        private final String id;

        ContainerdSource(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
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
