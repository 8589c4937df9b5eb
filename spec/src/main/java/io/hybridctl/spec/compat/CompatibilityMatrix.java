package io.hybridctl.spec.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The OS, Kubernetes and CNI support tables of compatibility.yaml, with the lookups rules need. */
public final class CompatibilityMatrix {

    private static final CompatibilityMatrix BUNDLED = load("/io/hybridctl/spec/compatibility.yaml");

    private final JsonNode root;

    private CompatibilityMatrix(JsonNode root) {
        this.root = root;
    }

    public static CompatibilityMatrix bundled() {
        return BUNDLED;
    }

    static CompatibilityMatrix load(String resource) {
        try (InputStream in = CompatibilityMatrix.class.getResourceAsStream(resource)) {
            return new CompatibilityMatrix(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public List<String> kubernetesVersions() {
        return strings(root.get("kubernetesVersions"));
    }

    public List<String> architectures() {
        return strings(root.get("architectures"));
    }

    public int ssmStandardInstanceLimit() {
        return root.get("ssmStandardInstanceLimit").asInt();
    }

    public int securityGroupInboundRuleLimit() {
        return root.get("securityGroupInboundRuleLimit").asInt();
    }

    public List<String> unsupportedRegionPrefixes() {
        return strings(root.get("unsupportedRegionPrefixes"));
    }

    /** The facts of one OS release, or empty when AWS does not support it. */
    public Optional<OsRelease> os(Host.Os os, String version) {
        JsonNode entry = root.get("operatingSystems").get(os.id());
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.has("minimumVersion")) {
            if (Versions.compare(version, entry.get("minimumVersion").asText()) < 0) {
                return Optional.empty();
            }
            return Optional.of(new OsRelease(os, version, entry.get("iamRolesAnywhere").asBoolean(), entry.get("kernel").asText()));
        }
        String key = entry.path("matchMajor").asBoolean() ? version.split("\\.")[0] : version;
        JsonNode release = entry.get("versions").get(key);
        if (release == null) {
            return Optional.empty();
        }
        return Optional.of(new OsRelease(os, version, release.get("iamRolesAnywhere").asBoolean(), release.get("kernel").asText()));
    }

    public List<String> supportedOsVersions(Host.Os os) {
        JsonNode entry = root.get("operatingSystems").get(os.id());
        if (entry == null) {
            return List.of();
        }
        if (entry.has("minimumVersion")) {
            return List.of(entry.get("minimumVersion").asText() + " or later");
        }
        List<String> out = new ArrayList<>();
        entry.get("versions").fieldNames().forEachRemaining(out::add);
        return out;
    }

    public String bottlerocketMinimumKubernetes() {
        return root.get("operatingSystems").get("bottlerocket").get("minimumKubernetes").asText();
    }

    public List<String> supportedCniLines(Cni.Plugin plugin) {
        return strings(cni(plugin).get("supported"));
    }

    public int minBlockSize(Cni.Plugin plugin) {
        return cni(plugin).get("blockSize").get("min").asInt();
    }

    public int maxBlockSize(Cni.Plugin plugin) {
        return cni(plugin).get("blockSize").get("max").asInt();
    }

    /** The lowest kernel this CNI version needs, if it has a floor. */
    public Optional<String> kernelFloor(Cni.Plugin plugin, String version) {
        String floor = null;
        for (JsonNode f : cni(plugin).get("kernelFloors")) {
            if (Versions.compare(version, f.get("from").asText()) >= 0) {
                floor = f.get("kernel").asText();
            }
        }
        return Optional.ofNullable(floor);
    }

    private JsonNode cni(Cni.Plugin plugin) {
        return root.get("cni").get(plugin.name().toLowerCase(Locale.ROOT));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public record OsRelease(Host.Os os, String version, boolean iamRolesAnywhere, String kernel) {
    }
}
