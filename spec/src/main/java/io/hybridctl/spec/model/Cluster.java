package io.hybridctl.spec.model;

import io.hybridctl.net.Prefix;

import java.util.Optional;

public record Cluster(String region, String partition, String kubernetesVersion, EndpointAccess endpointAccess,
                      AuthenticationMode authenticationMode, IpFamily ipFamily, Optional<Prefix> serviceCidr) {

    public enum EndpointAccess { PUBLIC, PRIVATE, PUBLIC_AND_PRIVATE }

    public enum AuthenticationMode { API, API_AND_CONFIG_MAP, CONFIG_MAP }

    public enum IpFamily { IPV4, IPV6 }

    /** The partition an ARN or service principal needs, derived from the region unless given. */
    public static String partitionOf(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }
}
