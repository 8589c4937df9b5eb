package io.hybridctl.spec.imports;

import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.yaml.YamlLimits;
import io.hybridctl.spec.yaml.YamlList;
import io.hybridctl.spec.yaml.YamlMap;
import io.hybridctl.spec.yaml.YamlNode;
import io.hybridctl.spec.yaml.YamlReadException;
import io.hybridctl.spec.yaml.YamlScalar;
import io.hybridctl.spec.yaml.YamlTreeReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts an eksctl ClusterConfig (eksctl.io/v1alpha5) with remoteNetworkConfig into a HybridCluster spec. Everything
 * that maps is kept: name, Region, version, access and endpoint settings, VPC (new or existing), service CIDR,
 * gateway, credential provider, role ARN, CA bundle, and the remote networks, which become one site. What eksctl
 * does not know (routers, hosts, CNI) is written as marked TODOs so that `validate` points at each.
 */
public final class EksctlImport {

    public String convert(Path file) throws ImportException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(file + " cannot be read: " + (Files.exists(file) ? e.getClass().getSimpleName() : "no such file"));
        }
        YamlNode root;
        try {
            root = new YamlTreeReader(YamlLimits.DEFAULT).read(file.toString(), bytes).root();
        } catch (YamlReadException e) {
            throw new ImportException(e.location() + ": " + e.getMessage());
        }
        Obj config = new Obj(root);
        if (!"ClusterConfig".equals(config.str("kind").orElse(""))) {
            throw new ImportException(file + " is not an eksctl ClusterConfig (kind is '" + config.str("kind").orElse("") + "')");
        }
        Obj rnc = config.obj("remoteNetworkConfig");
        if (rnc.isEmpty()) {
            throw new ImportException(file + " has no remoteNetworkConfig; there is nothing hybrid to import");
        }
        return render(config, rnc);
    }

    private String render(Obj config, Obj rnc) throws ImportException {
        Obj meta = config.obj("metadata");
        Obj vpc = config.obj("vpc");
        Obj iam = rnc.obj("iam");
        List<String> todos = new ArrayList<>();
        List<String> nodes = cidrs(rnc.list("remoteNodeNetworks"));
        List<String> pods = cidrs(rnc.list("remotePodNetworks"));
        String region = meta.str("region").orElse("us-west-2");
        StringBuilder y = new StringBuilder();
        y.append("# Imported from an eksctl ClusterConfig by `hybridctl import eksctl`.\n");
        y.append("apiVersion: hybridctl.io/v1alpha1\nkind: HybridCluster\nmetadata:\n");
        y.append("  name: ").append(q(meta.str("name").orElse("imported-cluster"))).append('\n');
        y.append("spec:\n  cluster:\n");
        y.append("    region: ").append(q(region)).append('\n');
        y.append("    kubernetesVersion: ").append(q(meta.str("version").orElse(todo(todos, "metadata.version was not set; put the cluster's Kubernetes version", "1.31")))).append('\n');
        Obj endpoints = vpc.obj("clusterEndpoints");
        boolean pub = endpoints.bool("publicAccess").orElse(true);
        boolean priv = endpoints.bool("privateAccess").orElse(false);
        y.append("    endpointAccess: ").append(pub && priv ? "publicAndPrivate" : priv ? "private" : "public").append('\n');
        config.obj("accessConfig").str("authenticationMode").ifPresent(m -> y.append("    authenticationMode: ").append(m).append('\n'));
        config.obj("kubernetesNetworkConfig").str("ipFamily").ifPresent(f -> y.append("    ipFamily: ").append(f.toLowerCase(Locale.ROOT)).append('\n'));
        config.obj("kubernetesNetworkConfig").str("serviceIPv4CIDR").ifPresent(s -> y.append("    serviceCIDR: ").append(s).append('\n'));
        y.append("  vpc:\n");
        if (vpc.str("id").isPresent()) {
            y.append("    id: ").append(vpc.str("id").get()).append('\n');
            List<String> cidrs = new ArrayList<>();
            vpc.str("cidr").ifPresent(cidrs::add);
            vpc.list("extraCIDRs").forEach(n -> scalar(n).ifPresent(cidrs::add));
            if (cidrs.isEmpty()) {
                cidrs.add(todo(todos, "list the existing VPC's CIDRs (eksctl did not need them)", "10.0.0.0/16"));
            }
            y.append("    cidrs: [").append(String.join(", ", cidrs)).append("]\n");
            List<String> subnets = new ArrayList<>();
            for (String kind : List.of("private", "public")) {
                Obj group = vpc.obj("subnets").obj(kind);
                group.keys().forEach(az -> group.obj(az).str("id").ifPresent(subnets::add));
            }
            if (!subnets.isEmpty()) {
                y.append("    subnetIDs: [").append(String.join(", ", subnets)).append("]\n");
            }
        } else {
            y.append("    cidr: ").append(vpc.str("cidr").orElse("192.168.0.0/16")).append('\n');
            List<String> zones = new ArrayList<>();
            config.list("availabilityZones").forEach(n -> scalar(n).ifPresent(zones::add));
            if (zones.isEmpty()) {
                zones.add(region + "a");
                zones.add(region + "b");
            }
            y.append("    availabilityZones: [").append(String.join(", ", zones)).append("]\n");
        }
        rnc.str("vpcGatewayID").ifPresent(g -> y.append("    vpcGatewayID: ").append(g).append('\n'));
        String provider = iam.str("provider").orElse("ssm").toLowerCase(Locale.ROOT);
        y.append("  credentials:\n    provider: ").append(provider.equals("ira") ? "iamRolesAnywhere" : "ssm").append('\n');
        iam.str("roleARN").ifPresent(a -> y.append("    roleARN: ").append(q(a)).append('\n'));
        iam.str("caBundleCert").ifPresent(pem -> {
            y.append("    caBundle:\n      pem: |\n");
            for (String line : pem.strip().split("\n")) {
                y.append("        ").append(line.strip()).append('\n');
            }
        });
        boolean routable = !pods.isEmpty();
        y.append("  cni:\n    plugin: cilium\n    version: \"1.18.3\"\n");
        y.append("    podRouting: ").append(routable ? "bgp" : "none").append('\n');
        todo(todos, "eksctl has no CNI settings; cni was filled with Cilium 1.18.3" + (routable ? " and BGP pod routing (remotePodNetworks was set)" : " and unroutable pods (no remotePodNetworks)"), "");
        y.append("  sites:\n    - name: site-1\n");
        y.append("      nodeNetworks: [").append(String.join(", ", nodes)).append("]\n");
        if (routable) {
            y.append("      podNetworks: [").append(String.join(", ", pods)).append("]\n");
            todo(todos, "add sites[0].router (address, asn) so pod blocks can be routed on premises", "");
        }
        todo(todos, "add sites[0].hosts (name, address, os, osVersion); split site-1 if the networks belong to several locations", "");
        y.append("      hosts: []\n");
        StringBuilder header = new StringBuilder();
        for (String t : todos) {
            header.append("# TODO: ").append(t).append('\n');
        }
        return header + y.toString();
    }

    private static String todo(List<String> todos, String what, String placeholder) {
        todos.add(what);
        return placeholder;
    }

    private static List<String> cidrs(List<YamlNode> networks) throws ImportException {
        List<String> out = new ArrayList<>();
        for (YamlNode n : networks) {
            for (YamlNode c : new Obj(n).list("cidrs")) {
                Optional<String> s = scalar(c);
                if (s.isPresent()) {
                    try {
                        out.add(Prefix.parse(s.get()).toString());
                    } catch (AddressFormatException e) {
                        throw new ImportException(c.location() + ": " + e.getMessage() + " (eksctl does not check CIDRs; fix it in the ClusterConfig)");
                    }
                }
            }
        }
        return out;
    }

    private static Optional<String> scalar(YamlNode n) {
        return n instanceof YamlScalar s && s.text() != null ? Optional.of(s.text()) : Optional.empty();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Lenient navigation over the eksctl document, which is not ours to validate beyond what we import. */
    private record Obj(YamlNode node) {
        boolean isEmpty() {
            return !(node instanceof YamlMap m) || m.entries().isEmpty();
        }

        Obj obj(String key) {
            if (node instanceof YamlMap m) {
                return new Obj(m.get(key).orElse(new YamlScalar(null, YamlScalar.Kind.NULL, m.location())));
            }
            return this;
        }

        Optional<String> str(String key) {
            return node instanceof YamlMap m ? m.get(key).flatMap(EksctlImport::scalar) : Optional.empty();
        }

        Optional<Boolean> bool(String key) {
            return str(key).map(Boolean::parseBoolean);
        }

        List<YamlNode> list(String key) {
            return node instanceof YamlMap m ? m.get(key).filter(n -> n instanceof YamlList).map(n -> ((YamlList) n).items()).orElse(List.of()) : List.of();
        }

        List<String> keys() {
            return node instanceof YamlMap m ? List.copyOf(m.entries().keySet()) : List.of();
        }
    }
}
