package io.hybridctl.plan;

import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.model.Cluster;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import io.hybridctl.spec.model.Vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small specs built in code, for tests that need to vary one thing at a time. */
public final class TestSpecs {

    private TestSpecs() {
    }

    public static Prefix p(String cidr) {
        try {
            return Prefix.parse(cidr);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A site; host i gets address nodeNetwork + 10 + i and, when given, the pinned block of the same index. */
    public record SiteShape(String name, String nodeNetwork, List<String> podNetworks, List<String> hosts, Map<String, String> pins) {
        public SiteShape(String name, String nodeNetwork, List<String> podNetworks, List<String> hosts) {
            this(name, nodeNetwork, podNetworks, hosts, Map.of());
        }
    }

    public static HybridCluster spec(Cni.Plugin plugin, Cni.PodRouting routing, int blockSize, List<SiteShape> shapes) {
        List<Site> sites = new ArrayList<>();
        for (int s = 0; s < shapes.size(); s++) {
            SiteShape shape = shapes.get(s);
            Prefix node = p(shape.nodeNetwork());
            List<Host> hosts = new ArrayList<>();
            for (int h = 0; h < shape.hosts().size(); h++) {
                String name = shape.hosts().get(h);
                Optional<Prefix> pin = Optional.ofNullable(shape.pins().get(name)).map(TestSpecs::p);
                hosts.add(new Host(name, shape.name(), s, h, Ipv4Address.of(node.network() + 10 + h), Host.Os.UBUNTU, "22.04",
                        Host.Arch.AMD64, Map.of(), pin, List.of(), Optional.empty()));
            }
            sites.add(new Site(shape.name(), s, shape.name(), List.of(node), shape.podNetworks().stream().map(TestSpecs::p).toList(),
                    Optional.of(new Site.Router(Ipv4Address.of(node.network() + 1), 65000 + s, Site.RouterKind.FRR, 90, 30)),
                    new Site.Connection(Site.ConnectionType.VPN, Optional.of(Ipv4Address.of(0xC6336400L + s)), Optional.empty(), Optional.empty()),
                    Optional.empty(), true, hosts));
        }
        return new HybridCluster("test", new Cluster("us-west-2", "aws", "1.31", Cluster.EndpointAccess.PUBLIC,
                Cluster.AuthenticationMode.API, Cluster.IpFamily.IPV4, Optional.empty()),
                new Vpc.NewVpc(p("10.250.0.0/16"), List.of("us-west-2a", "us-west-2b"), Optional.of(new Vpc.Gateway("tgw-0123456789abcdef0"))),
                new Credentials(Credentials.Provider.SSM, Optional.empty(), Optional.empty()),
                new Cni(plugin, plugin == Cni.Plugin.CILIUM ? "1.18.3" : "3.29.2", routing, blockSize, new Cni.Bgp(64512, 90, 30, true, 120)), sites);
    }

    public static HybridCluster spec(int blockSize, List<SiteShape> shapes) {
        return spec(Cni.Plugin.CALICO, Cni.PodRouting.STATIC, blockSize, shapes);
    }
}
