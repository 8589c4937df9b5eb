package io.hybridctl.spec.model;

import io.hybridctl.net.Prefix;

import java.util.List;
import java.util.Optional;

/** The cluster VPC: one hybridctl creates, or one that exists already. */
public sealed interface Vpc permits Vpc.NewVpc, Vpc.ExistingVpc {

    List<Prefix> cidrs();

    Optional<Gateway> gateway();

    record NewVpc(Prefix cidr, List<String> availabilityZones, Optional<Gateway> gateway) implements Vpc {
        public NewVpc {
            availabilityZones = List.copyOf(availabilityZones);
        }

        @Override
        public List<Prefix> cidrs() {
            return List.of(cidr);
        }
    }

    record ExistingVpc(String id, List<Prefix> cidrs, List<String> subnetIds, List<String> routeTableIds,
                       Optional<Gateway> gateway, boolean dnsHostnames, boolean dnsSupport) implements Vpc {
        public ExistingVpc {
            cidrs = List.copyOf(cidrs);
            subnetIds = List.copyOf(subnetIds);
            routeTableIds = List.copyOf(routeTableIds);
        }
    }

    /** A transit gateway or virtual private gateway, told apart by its id prefix. */
    record Gateway(String id) {
        public boolean isTransitGateway() {
            return id.startsWith("tgw-");
        }

        public boolean isVirtualPrivateGateway() {
            return id.startsWith("vgw-");
        }
    }
}
