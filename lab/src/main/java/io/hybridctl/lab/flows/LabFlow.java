package io.hybridctl.lab.flows;

import io.hybridctl.lab.probe.ProbeClient;
import io.hybridctl.net.Ipv4Address;

import java.util.Optional;

/**
 * One flow of the catalogue made concrete in the lab: from which namespace, to which address and port, and what the
 * static analysis says should happen.
 */
public record LabFlow(String id, String description, String sourceNamespace, String sourceLabel,
                      Optional<Ipv4Address> sourceAddress, Ipv4Address destination,
                      String destinationLabel, ProbeClient.Transport transport, int port, boolean required,
                      Verdict expected, String expectedTrace) {

    public enum Verdict { REACHABLE, UNREACHABLE }

    public String source() {
        return sourceAddress.map(Ipv4Address::toString).orElse(null);
    }

    public String endpoints() {
        return sourceLabel + " -> " + destinationLabel + " " + transport.name().toLowerCase(java.util.Locale.ROOT) + "/" + port;
    }
}
