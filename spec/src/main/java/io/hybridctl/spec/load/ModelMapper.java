package io.hybridctl.spec.load;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.model.Cluster;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;
import io.hybridctl.spec.model.Vpc;
import io.hybridctl.spec.schema.HybridClusterSchema;
import io.hybridctl.spec.yaml.SourceMap;
import io.hybridctl.spec.yaml.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a structurally checked tree into the model, applying documented defaults. */
final class ModelMapper {

    static final String AMBIGUOUS = "SPEC013";

    // Spellings and defaults come from the schema; only defaults that depend on other values are written here.
    private static final SchemaChoice<Cluster.EndpointAccess> ENDPOINT_ACCESS = SchemaChoice.of(HybridClusterSchema.CLUSTER, "endpointAccess", Cluster.EndpointAccess.class);
    private static final SchemaChoice<Cluster.AuthenticationMode> AUTHENTICATION_MODE = SchemaChoice.of(HybridClusterSchema.CLUSTER, "authenticationMode",
            Cluster.AuthenticationMode.class);
    private static final SchemaChoice<Cluster.IpFamily> IP_FAMILY = SchemaChoice.of(HybridClusterSchema.CLUSTER, "ipFamily", Cluster.IpFamily.class);
    private static final SchemaChoice<Credentials.Provider> PROVIDER = SchemaChoice.of(HybridClusterSchema.CREDENTIALS, "provider", Credentials.Provider.class);
    private static final SchemaChoice<Cni.Plugin> PLUGIN = SchemaChoice.of(HybridClusterSchema.CNI, "plugin", Cni.Plugin.class);
    private static final SchemaChoice<Cni.PodRouting> POD_ROUTING = SchemaChoice.of(HybridClusterSchema.CNI, "podRouting", Cni.PodRouting.class);
    private static final SchemaChoice<Site.RouterKind> ROUTER_KIND = SchemaChoice.of(HybridClusterSchema.ROUTER, "kind", Site.RouterKind.class);
    private static final SchemaChoice<Site.ConnectionType> CONNECTION_TYPE = SchemaChoice.of(HybridClusterSchema.CONNECTION, "type", Site.ConnectionType.class);
    private static final SchemaChoice<Site.LoadBalancerType> LOAD_BALANCER_TYPE = SchemaChoice.of(HybridClusterSchema.LOAD_BALANCER, "type",
            Site.LoadBalancerType.class);
    private static final SchemaChoice<Host.Os> OS = SchemaChoice.of(HybridClusterSchema.HOST, "os", Host.Os.class);
    private static final SchemaChoice<Host.Arch> ARCH = SchemaChoice.of(HybridClusterSchema.HOST, "arch", Host.Arch.class);
    private static final boolean DNS_HOSTNAMES = Boolean.parseBoolean(SchemaChoice.defaultOf(HybridClusterSchema.VPC, "dnsHostnames"));
    private static final boolean DNS_SUPPORT = Boolean.parseBoolean(SchemaChoice.defaultOf(HybridClusterSchema.VPC, "dnsSupport"));
    private static final boolean FIREWALL_PRESENT = Boolean.parseBoolean(SchemaChoice.defaultOf(HybridClusterSchema.FIREWALL, "present"));
    private static final Cni.Bgp BGP_DEFAULTS = new Cni.Bgp(Long.parseLong(SchemaChoice.defaultOf(HybridClusterSchema.BGP, "asn")),
            Integer.parseInt(SchemaChoice.defaultOf(HybridClusterSchema.BGP, "holdTimeSeconds")), Integer.parseInt(SchemaChoice.defaultOf(HybridClusterSchema.BGP, "keepaliveTimeSeconds")),
            Boolean.parseBoolean(SchemaChoice.defaultOf(HybridClusterSchema.BGP, "gracefulRestart")), Integer.parseInt(SchemaChoice.defaultOf(HybridClusterSchema.BGP, "restartTimeSeconds")));

    private final SourceMap sources;
    private final Path baseDir;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    ModelMapper(SourceMap sources, Path baseDir) {
        this.sources = sources;
        this.baseDir = baseDir;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    HybridCluster map(YamlNode root) {
        Fields doc = new Fields(root);
        Fields spec = doc.child("spec");
        Cluster cluster = cluster(spec.child("cluster"));
        Vpc vpc = vpc(spec.child("vpc"));
        Credentials credentials = credentials(spec.child("credentials"));
        Cni cni = cni(spec.child("cni"));
        List<Site> sites = new ArrayList<>();
        List<YamlNode> siteNodes = spec.list("sites");
        for (int i = 0; i < siteNodes.size(); i++) {
            sites.add(site(new Fields(siteNodes.get(i)), i, cni));
        }
        return new HybridCluster(doc.child("metadata").string("name").orElse(""), cluster, vpc, credentials, cni, sites);
    }

    private Cluster cluster(Fields f) {
        String region = f.string("region").orElse("");
        return new Cluster(
                region,
                f.string("partition").orElse(Cluster.partitionOf(region)),
                f.string("kubernetesVersion").orElse(""),
                ENDPOINT_ACCESS.of(f.string("endpointAccess")),
                AUTHENTICATION_MODE.of(f.string("authenticationMode")),
                IP_FAMILY.of(f.string("ipFamily")),
                f.prefix("serviceCIDR"));
    }

    private Vpc vpc(Fields f) {
        Optional<Vpc.Gateway> gateway = f.string("vpcGatewayID").map(Vpc.Gateway::new);
        boolean existing = f.has("id") || f.has("cidrs") || f.has("subnetIDs") || f.has("routeTableIDs");
        boolean fresh = f.has("cidr") || f.has("availabilityZones");
        if (existing && fresh) {
            diagnostics.add(new Diagnostic(AMBIGUOUS, Severity.ERROR, "spec.vpc", sources.locate("spec.vpc"),
                    "the VPC is described both as new (cidr, availabilityZones) and as existing (id, cidrs, subnetIDs, routeTableIDs)",
                    "keep cidr + availabilityZones for a VPC hybridctl creates, or id + cidrs + subnetIDs for one that exists"));
        }
        if (existing) {
            return new Vpc.ExistingVpc(f.string("id").orElse(""), f.prefixes("cidrs"), f.strings("subnetIDs"),
                    f.strings("routeTableIDs"), gateway, f.bool("dnsHostnames").orElse(DNS_HOSTNAMES), f.bool("dnsSupport").orElse(DNS_SUPPORT));
        }
        if (!fresh) {
            diagnostics.add(new Diagnostic("SPEC006", Severity.ERROR, "spec.vpc", sources.locate("spec.vpc"),
                    "the VPC has neither 'cidr' (new VPC) nor 'id' (existing VPC)",
                    "add cidr + availabilityZones, or id + cidrs + subnetIDs"));
        }
        return new Vpc.NewVpc(f.prefix("cidr").orElse(new io.hybridctl.net.Prefix(0, 0)), f.strings("availabilityZones"), gateway);
    }

    private Credentials credentials(Fields f) {
        Credentials.Provider provider = PROVIDER.of(f.string("provider"));
        Optional<Credentials.CaBundle> ca = Optional.empty();
        if (f.has("caBundle")) {
            Fields c = f.child("caBundle");
            List<Credentials.CaBundle> sources = new ArrayList<>();
            c.string("file").ifPresent(p -> sources.add(new Credentials.CaBundleFile(baseDir.resolve(p).normalize())));
            c.string("pem").ifPresent(p -> sources.add(new Credentials.CaBundlePem(p)));
            c.string("pki").ifPresent(p -> sources.add(new Credentials.CaBundlePki(baseDir.resolve(p).normalize())));
            if (sources.size() != 1) {
                diagnostics.add(new Diagnostic(AMBIGUOUS, Severity.ERROR, "spec.credentials.caBundle", this.sources.locate("spec.credentials.caBundle"),
                        "caBundle needs exactly one of file, pem or pki; it has " + sources.size(),
                        "keep one source for the CA bundle"));
            }
            ca = sources.stream().findFirst();
        }
        return new Credentials(provider, f.string("roleARN"), ca);
    }

    private Cni cni(Fields f) {
        Cni.Plugin plugin = PLUGIN.of(f.string("plugin"));
        Cni.PodRouting routing = POD_ROUTING.of(f.string("podRouting"));
        Fields b = f.child("bgp");
        Cni.Bgp d = BGP_DEFAULTS;
        Cni.Bgp bgp = new Cni.Bgp(b.integer("asn").orElse(d.asn()),
                b.integer("holdTimeSeconds").map(Long::intValue).orElse(d.holdTimeSeconds()),
                b.integer("keepaliveTimeSeconds").map(Long::intValue).orElse(d.keepaliveTimeSeconds()),
                b.bool("gracefulRestart").orElse(d.gracefulRestart()),
                b.integer("restartTimeSeconds").map(Long::intValue).orElse(d.restartTimeSeconds()));
        int block = f.integer("nodeBlockSize").map(Long::intValue).orElse(Cni.defaultBlockSize(plugin));
        return new Cni(plugin, f.string("version").orElse(""), routing, block, bgp);
    }

    private Site site(Fields f, int index, Cni cni) {
        String name = f.string("name").orElse("site-" + index);
        Optional<Site.Router> router = Optional.empty();
        if (f.has("router")) {
            Fields r = f.child("router");
            router = r.address("address").map(a -> new Site.Router(a,
                    r.integer("asn").orElse(cni.bgp().asn()),
                    ROUTER_KIND.of(r.string("kind")),
                    r.integer("holdTimeSeconds").map(Long::intValue).orElse(cni.bgp().holdTimeSeconds()),
                    r.integer("keepaliveTimeSeconds").map(Long::intValue).orElse(cni.bgp().keepaliveTimeSeconds())));
        }
        Fields c = f.child("connection");
        Fields sel = c.child("selectors");
        Site.Connection connection = new Site.Connection(
                CONNECTION_TYPE.of(c.string("type")),
                c.address("vpnEndpoint"),
                sel.isList("onPrem") ? Optional.of(sel.prefixes("onPrem")) : Optional.empty(),
                sel.isList("cloud") ? Optional.of(sel.prefixes("cloud")) : Optional.empty());
        Optional<Site.LoadBalancer> lb = Optional.empty();
        if (f.has("loadBalancer")) {
            Fields l = f.child("loadBalancer");
            lb = Optional.of(new Site.LoadBalancer(LOAD_BALANCER_TYPE.of(l.string("type")), l.ranges("ranges")));
        }
        List<Host> hosts = new ArrayList<>();
        List<YamlNode> hostNodes = f.list("hosts");
        for (int i = 0; i < hostNodes.size(); i++) {
            host(new Fields(hostNodes.get(i)), name, index, i).ifPresent(hosts::add);
        }
        return new Site(name, index, f.string("zone").orElse(name), f.prefixes("nodeNetworks"), f.prefixes("podNetworks"),
                router, connection, lb, f.child("firewall").bool("present").orElse(FIREWALL_PRESENT), hosts);
    }

    /** A host without a usable name or address is left out of the model; the structural check reported why. */
    private Optional<Host> host(Fields f, String site, int siteIndex, int index) {
        Optional<String> name = f.string("name");
        var address = f.address("address");
        if (name.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        Fields o = f.child("overrides");
        Host.Os os = OS.of(f.string("os"));
        return Optional.of(new Host(name.get(), site, siteIndex, index, address.get(), os, f.string("osVersion").orElse(""),
                ARCH.of(f.string("arch")),
                f.stringMap("labels"), o.prefix("podBlock"), o.strings("kubeletFlags"), o.integer("asn"),
                f.string("containerdSource").map(ModelMapper::containerdSource)));
    }

    private static Host.ContainerdSource containerdSource(String id) {
        return switch (id) {
            case "none" -> Host.ContainerdSource.NONE;
            case "docker" -> Host.ContainerdSource.DOCKER;
            default -> Host.ContainerdSource.DISTRO;
        };
    }
}
