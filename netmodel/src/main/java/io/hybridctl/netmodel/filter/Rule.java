package io.hybridctl.netmodel.filter;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.PrefixSet;
import io.hybridctl.netmodel.Header;
import io.hybridctl.net.PortRange;
import io.hybridctl.net.Protocol;
import io.hybridctl.net.Provenance;

import java.util.Optional;
import java.util.Set;

/**
 * One ordered filter line. An empty address set in `sources`/`destinations` means "any" only when given as
 * Optional.empty(); an empty protocol set means any protocol.
 */
public record Rule(String name, Action action, Optional<PrefixSet> sources, Optional<PrefixSet> destinations,
                   Set<Protocol> protocols, PortRange dstPorts, PortRange srcPorts, Provenance provenance) {

    public Rule {
        protocols = Set.copyOf(protocols);
    }

    public static Rule permit(String name, PrefixSet src, PrefixSet dst, Protocol protocol, PortRange dstPorts, Provenance p) {
        return new Rule(name, Action.PERMIT, Optional.ofNullable(src), Optional.ofNullable(dst),
                protocol == null ? Set.of() : Set.of(protocol), dstPorts, PortRange.ALL, p);
    }

    public static Rule deny(String name, PrefixSet src, PrefixSet dst, Protocol protocol, PortRange dstPorts, Provenance p) {
        return new Rule(name, Action.DENY, Optional.ofNullable(src), Optional.ofNullable(dst),
                protocol == null ? Set.of() : Set.of(protocol), dstPorts, PortRange.ALL, p);
    }

    /** Whether every field but the destination address matches. */
    public boolean matchesExceptDestination(Ipv4Address src, Header header) {
        return matchesHeader(header) && (sources.isEmpty() || sources.get().contains(src));
    }

    /** Whether the protocol and ports match. */
    public boolean matchesHeader(Header header) {
        return (protocols.isEmpty() || protocols.contains(header.protocol()))
                && (header.protocol() == Protocol.ICMP || (dstPorts.contains(header.dstPort()) && srcPorts.contains(header.srcPort())));
    }

    public boolean matches(Ipv4Address src, Ipv4Address dst, Header header) {
        return matchesExceptDestination(src, header) && (destinations.isEmpty() || destinations.get().contains(dst));
    }

    @Override
    public String toString() {
        return name + " (" + action.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
