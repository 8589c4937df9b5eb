package io.hybridctl.lab.topology;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.util.Optional;

/**
 * A kernel route the lab installs itself: host-side routes (nodes towards their router, pods towards their node),
 * the VPC's route table, the VPN tunnel's routes. Router routes come from FRR, not from here.
 */
public record KernelRoute(String namespace, Prefix destination, Optional<Ipv4Address> via, String device,
                          Optional<Ipv4Address> source, String why) {
}
