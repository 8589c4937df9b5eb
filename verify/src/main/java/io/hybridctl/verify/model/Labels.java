package io.hybridctl.verify.model;

import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.net.PrefixTrie;
import io.hybridctl.verify.model.HybridModel;

import java.util.Optional;

/** Names addresses for people: "host east-01", "pods on east-01", "pod network of site dc-east". */
public final class Labels {

    private final PrefixTrie<String> names = new PrefixTrie<>();

    public Labels(HybridModel m) {
        for (Prefix p : m.spec().vpc().cidrs()) {
            names.put(p, "VPC " + p);
        }
        m.sites().values().forEach(s -> {
            s.site().nodeNetworks().forEach(p -> names.put(p, "node network of site " + s.site().name()));
            s.site().podNetworks().forEach(p -> names.put(p, "pod network of site " + s.site().name()));
            s.loadBalancerPrefixes().forEach(p -> names.put(p, "LB pool of site " + s.site().name()));
            names.put(Prefix.containing(s.routerAddress(), 32), "router of site " + s.site().name());
        });
        m.hosts().values().forEach(h -> {
            if (h.podBlock() != null) {
                names.put(h.podBlock(), "pods on " + h.host().name());
            }
            names.put(Prefix.containing(h.host().address(), 32), "host " + h.host().name());
        });
        m.controlPlane().forEach(e -> names.put(Prefix.containing(e.address(), 32), e.label()));
        m.cloudPods().forEach(e -> names.put(Prefix.containing(e.address(), 32), e.label()));
        m.coreDns().forEach(e -> names.put(Prefix.containing(e.address(), 32), e.label()));
    }

    public String of(AddressRange range) {
        Optional<PrefixTrie.Entry<String>> a = names.longestMatch(range.first());
        Optional<PrefixTrie.Entry<String>> b = names.longestMatch(range.last());
        if (a.isPresent() && b.isPresent() && a.get().prefix().equals(b.get().prefix())) {
            boolean whole = a.get().prefix().toRange().equals(range);
            return a.get().value() + (whole ? "" : " (" + range + ")");
        }
        return range.toString();
    }

    public Optional<String> nameOf(Ipv4Address address) {
        return names.longestMatch(address).map(PrefixTrie.Entry::value);
    }
}
