package io.hybridctl.plan.ipam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.yaml.YamlList;
import io.hybridctl.spec.yaml.YamlLimits;
import io.hybridctl.spec.yaml.YamlMap;
import io.hybridctl.spec.yaml.YamlNode;
import io.hybridctl.spec.yaml.YamlReadException;
import io.hybridctl.spec.yaml.YamlScalar;
import io.hybridctl.spec.yaml.YamlTreeReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes hybridctl.lock as YAML: one section per cluster name, so that specs sharing a directory share the
 * file without touching each other's blocks. A missing file or section is an empty lock; a damaged file is an error,
 * never ignored.
 */
public final class LockFileCodec {

    static final String API_VERSION = "hybridctl.io/v1alpha1";
    static final String KIND = "PodBlockLock";
    private static final String HEADER = """
            # hybridctl.lock: the pod block of every host, written by `hybridctl plan`. Commit it with the spec.
            # A block never moves once given: a running CNI breaks if its node's block changes. To re-number a host
            # on purpose, drain it, delete its entry here and run plan again.
            """;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private LockFileCodec() {
    }

    /** The section of one cluster. */
    public static LockFile read(Path file, String cluster) throws LockFileException {
        return readAll(file).getOrDefault(cluster, LockFile.empty(cluster));
    }

    public static Map<String, LockFile> readAll(Path file) throws LockFileException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new LockFileException(file + " cannot be read (" + e.getClass().getSimpleName() + "); check its permissions");
        }
        return parse(file.toString(), content);
    }

    public static Map<String, LockFile> parse(String name, byte[] content) throws LockFileException {
        Map<String, LockFile> out = new TreeMap<>();
        // An empty or comment-only lock is no lock; only a small file can be one (no second copy of a huge file).
        if (content.length < 1 << 20
                && new String(content, StandardCharsets.UTF_8).lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
            return out;
        }
        JsonNode root;
        try {
            // The spec's reader, with its limits: a damaged or hostile lock is refused in bounded time and memory.
            YamlTreeReader.Result read = new YamlTreeReader(YamlLimits.DEFAULT).read(name, content);
            if (!read.diagnostics().isEmpty()) {
                throw new LockFileException(read.diagnostics().get(0).location() + ": " + read.diagnostics().get(0).message()
                        + "; restore the lock from version control (git checkout -- " + name + ")");
            }
            root = tree(read.root());
        } catch (YamlReadException e) {
            throw new LockFileException(e.location() + ": " + name + " is not a readable lock (" + e.getMessage()
                    + "); restore it from version control (git checkout -- " + name + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject() || !KIND.equals(root.path("kind").asText())) {
            throw new LockFileException(name + " is not a hybridctl lock file (kind must be " + KIND + "); restore it from version control");
        }
        JsonNode clusters = root.path("clusters");
        var it = clusters.fields();
        while (it.hasNext()) {
            var e = it.next();
            out.put(e.getKey(), section(name + ": clusters." + e.getKey(), e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The located tree as a plain one; scalars stay text, which is how the lock writes numbers. */
    private static JsonNode tree(YamlNode node) {
        return switch (node) {
            case YamlMap m -> {
                ObjectNode o = YAML.createObjectNode();
                m.entries().values().forEach(e -> o.set(e.key(), tree(e.value())));
                yield o;
            }
            case YamlList l -> {
                ArrayNode a = YAML.createArrayNode();
                l.items().forEach(i -> a.add(tree(i)));
                yield a;
            }
            case YamlScalar sc -> sc.kind() == YamlScalar.Kind.NULL ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                    : com.fasterxml.jackson.databind.node.TextNode.valueOf(sc.text());
        };
    }

    private static LockFile section(String where, String cluster, JsonNode node) throws LockFileException {
        Optional<Integer> size = node.has("nodeBlockSize") ? Optional.of(node.get("nodeBlockSize").asInt()) : Optional.empty();
        List<LockEntry> entries = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        JsonNode list = node.path("allocations");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = where + ".allocations[" + i + "]";
            String host = e.path("host").asText("");
            String site = e.path("site").asText("");
            if (host.isEmpty() || site.isEmpty()) {
                throw new LockFileException(at + " needs host, site and block; restore the file from version control");
            }
            if (!hosts.add(host)) {
                throw new LockFileException(at + " records host " + host + " twice; keep the entry that matches the running node");
            }
            try {
                entries.add(new LockEntry(host, site, Prefix.parse(e.path("block").asText(""))));
            } catch (AddressFormatException ex) {
                throw new LockFileException(at + ": " + ex.getMessage());
            }
        }
        return new LockFile(cluster, size, entries);
    }

    /**
     * Replaces this cluster's section and keeps the others. The file is replaced by rename, so a crash never leaves
     * half a lock; nothing is written when the content is the same. Returns whether the file changed.
     */
    public static boolean store(Path file, LockFile lock) throws IOException, LockFileException {
        Optional<byte[]> changed = replacingSection(file, lock);
        if (changed.isEmpty()) {
            return false;
        }
        byte[] content = changed.get();
        Path dir = file.toAbsolutePath().getParent();
        // 0644 like any committed file; createTempFile alone would make it 0600.
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")));
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    /** The whole file with this cluster's section replaced and the others kept; empty when nothing would change. */
    public static Optional<byte[]> replacingSection(Path file, LockFile lock) throws IOException, LockFileException {
        Map<String, LockFile> all = readAll(file);
        all.put(lock.cluster(), lock);
        byte[] content = write(all.values()).getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return Optional.empty();
        }
        return Optional.of(content);
    }

    public static String write(LockFile lock) {
        return write(List.of(lock));
    }

    public static String write(java.util.Collection<LockFile> locks) {
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", API_VERSION);
        root.put("kind", KIND);
        ObjectNode clusters = root.putObject("clusters");
        Map<String, LockFile> sorted = new TreeMap<>();
        locks.forEach(l -> sorted.put(l.cluster(), l));
        for (LockFile lock : sorted.values()) {
            ObjectNode c = clusters.putObject(lock.cluster());
            lock.nodeBlockSize().ifPresent(s -> c.put("nodeBlockSize", s));
            ArrayNode list = c.putArray("allocations");
            for (LockEntry e : lock.allocations()) {
                ObjectNode n = list.addObject();
                n.put("host", e.host());
                n.put("site", e.site());
                n.put("block", e.block().toString());
            }
        }
        try {
            return HEADER + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lock file tree always serialises", e);
        }
    }
}
