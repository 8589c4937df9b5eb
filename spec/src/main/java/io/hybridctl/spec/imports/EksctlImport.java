package io.hybridctl.spec.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
 * does not know (routers, hosts, CNI), and what was assumed or left out, is written as marked TODOs so that
 * `validate` points at each. The spec is written by Jackson's YAML generator (quoting whatever needs it) and read back
 * as a check; single-line fields with control or line-separator characters are refused.
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

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private String render(Obj config, Obj rnc) throws ImportException {
        Obj meta = config.obj("metadata");
        Obj vpc = config.obj("vpc");
        Obj iam = rnc.obj("iam");
        List<String> todos = new ArrayList<>();
        List<String> nodes = cidrs(rnc.list("remoteNodeNetworks"));
        List<String> pods = cidrs(rnc.list("remotePodNetworks"));
        String region = line(meta, "region").orElse("us-west-2");

        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", "hybridctl.io/v1alpha1");
        root.put("kind", "HybridCluster");
        root.putObject("metadata").put("name", line(meta, "name").orElse("imported-cluster"));
        ObjectNode spec = root.putObject("spec");
        ObjectNode cluster = spec.putObject("cluster");
        cluster.put("region", region);
        cluster.put("kubernetesVersion", line(meta, "version")
                .orElseGet(() -> todo(todos, "metadata.version was not set; put the cluster's Kubernetes version", "1.31")));
        Obj endpoints = vpc.obj("clusterEndpoints");
        boolean pub = endpoints.bool("publicAccess").orElse(true);
        boolean priv = endpoints.bool("privateAccess").orElse(false);
        cluster.put("endpointAccess", pub && priv ? "publicAndPrivate" : priv ? "private" : "public");
        line(config.obj("accessConfig"), "authenticationMode").ifPresent(m -> cluster.put("authenticationMode", m));
        line(config.obj("kubernetesNetworkConfig"), "ipFamily").ifPresent(f -> cluster.put("ipFamily", f.toLowerCase(Locale.ROOT)));
        line(config.obj("kubernetesNetworkConfig"), "serviceIPv4CIDR").ifPresent(c -> cluster.put("serviceCIDR", c));

        ObjectNode v = spec.putObject("vpc");
        if (line(vpc, "id").isPresent()) {
            v.put("id", line(vpc, "id").get());
            ArrayNode cidrs = v.putArray("cidrs");
            line(vpc, "cidr").ifPresent(cidrs::add);
            for (YamlNode n : vpc.list("extraCIDRs")) {
                singleLine(n).ifPresent(cidrs::add);
            }
            if (cidrs.isEmpty()) {
                cidrs.add(todo(todos, "list the existing VPC's CIDRs (eksctl did not need them)", "10.0.0.0/16"));
            }
            List<String> subnets = new ArrayList<>();
            for (String kind : List.of("private", "public")) {
                Obj group = vpc.obj("subnets").obj(kind);
                for (String az : group.keys()) {
                    line(group.obj(az), "id").ifPresent(subnets::add);
                }
            }
            if (!subnets.isEmpty()) {
                ArrayNode ids = v.putArray("subnetIDs");
                subnets.forEach(ids::add);
            }
        } else {
            v.put("cidr", line(vpc, "cidr").orElse("192.168.0.0/16"));
            ArrayNode zones = v.putArray("availabilityZones");
            for (YamlNode n : config.list("availabilityZones")) {
                singleLine(n).ifPresent(zones::add);
            }
            if (zones.isEmpty()) {
                zones.add(region + "a");
                zones.add(region + "b");
                todo(todos, "availabilityZones was not set; " + region + "a and " + region + "b were assumed: list the zones the VPC should use", "");
            }
        }
        line(rnc, "vpcGatewayID").ifPresent(g -> v.put("vpcGatewayID", g));

        ObjectNode credentials = spec.putObject("credentials");
        String provider = line(iam, "provider").orElse("ssm").toLowerCase(Locale.ROOT);
        credentials.put("provider", provider.equals("ira") ? "iamRolesAnywhere" : "ssm");
        line(iam, "roleARN").ifPresent(a -> credentials.put("roleARN", a));
        Optional<String> pem = pem(iam);
        pem.ifPresent(text -> credentials.putObject("caBundle").put("pem", text));

        boolean routable = !pods.isEmpty();
        ObjectNode cni = spec.putObject("cni");
        cni.put("plugin", "cilium");
        cni.put("version", "1.18.3");
        cni.put("podRouting", routable ? "bgp" : "none");
        todo(todos, "eksctl has no CNI settings; cni was filled with Cilium 1.18.3" + (routable ? " and BGP pod routing (remotePodNetworks was set)" : " and unroutable pods (no remotePodNetworks)"), "");
        ObjectNode site = spec.putArray("sites").addObject();
        site.put("name", "site-1");
        ArrayNode nodeNetworks = site.putArray("nodeNetworks");
        nodes.forEach(nodeNetworks::add);
        if (routable) {
            ArrayNode podNetworks = site.putArray("podNetworks");
            pods.forEach(podNetworks::add);
            todo(todos, "add sites[0].router (address, asn) so pod blocks can be routed on premises", "");
        }
        todo(todos, "add sites[0].hosts (name, address, os, osVersion); split site-1 if the networks belong to several locations", "");
        site.putArray("hosts");
        for (String groups : List.of("managedNodeGroups", "nodeGroups")) {
            int n = config.list(groups).size();
            if (n > 0) {
                todo(todos, groups + " (" + n + ") were not imported: they are cloud nodes, which a HybridCluster does not describe; keep them in the eksctl config", "");
            }
        }

        String yaml;
        try {
            yaml = YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an object tree always serialises", e);
        }
        // Our own output must read back to exactly what was meant: nothing a value held may have become structure.
        try {
            if (!YAML.readTree(yaml).equals(root)) {
                throw new ImportException("the imported spec did not read back as written; this is a bug in hybridctl import, please report it");
            }
        } catch (JsonProcessingException e) {
            throw new ImportException("the imported spec is not readable YAML (" + e.getOriginalMessage() + "); this is a bug in hybridctl import");
        }
        StringBuilder header = new StringBuilder("# Imported from an eksctl ClusterConfig by `hybridctl import eksctl`.\n");
        for (String t : todos) {
            header.append("# TODO: ").append(t).append('\n');
        }
        return header + yaml;
    }

    /** A single-line field: control and line-separator characters would let a value turn into YAML structure. */
    private static Optional<String> line(Obj obj, String key) throws ImportException {
        Optional<YamlNode> n = obj.node(key);
        return n.isPresent() ? singleLine(n.get()) : Optional.empty();
    }

    private static Optional<String> singleLine(YamlNode n) throws ImportException {
        Optional<String> s = scalar(n);
        if (s.isPresent()) {
            int bad = s.get().codePoints().filter(EksctlImport::forbiddenInLine).findFirst().orElse(-1);
            if (bad >= 0) {
                throw new ImportException(n.location() + ": the value holds the control character U+" + String.format("%04X", bad)
                        + ", which no eksctl field may contain; remove it from the ClusterConfig");
            }
        }
        return s;
    }

    private static boolean forbiddenInLine(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }

    /** The CA bundle: several lines, each free of control and separator characters. */
    private static Optional<String> pem(Obj iam) throws ImportException {
        Optional<YamlNode> n = iam.node("caBundleCert");
        Optional<String> s = n.flatMap(EksctlImport::scalar);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (String l : s.get().strip().split("\n")) {
            String stripped = l.strip();
            int bad = stripped.codePoints().filter(EksctlImport::forbiddenInLine).findFirst().orElse(-1);
            if (bad >= 0) {
                throw new ImportException(n.get().location() + ": remoteNetworkConfig.iam.caBundleCert holds the character U+"
                        + String.format("%04X", bad) + ", which a PEM certificate never contains; paste the certificate again");
            }
            out.append(stripped).append('\n');
        }
        return Optional.of(out.toString());
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

        Optional<YamlNode> node(String key) {
            return node instanceof YamlMap m ? m.get(key) : Optional.empty();
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
