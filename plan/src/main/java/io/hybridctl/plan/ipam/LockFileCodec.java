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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and writes hybridctl.lock as YAML. A missing file is an empty lock; a damaged one is an error, never ignored. */
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
            .build());

    private LockFileCodec() {
    }

    public static LockFile read(Path file) throws LockFileException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return LockFile.empty();
        } catch (IOException e) {
            throw new LockFileException(file + " cannot be read (" + e.getClass().getSimpleName() + "); check its permissions");
        }
        return parse(file.toString(), content);
    }

    public static LockFile parse(String name, byte[] content) throws LockFileException {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException e) {
            throw new LockFileException(name + " is not valid YAML; restore it from version control (git checkout -- " + name + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return LockFile.empty();
        }
        if (!root.isObject() || !KIND.equals(root.path("kind").asText())) {
            throw new LockFileException(name + " is not a hybridctl lock file (kind must be " + KIND + "); restore it from version control");
        }
        Optional<Integer> size = root.has("nodeBlockSize") ? Optional.of(root.get("nodeBlockSize").asInt()) : Optional.empty();
        List<LockEntry> entries = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        JsonNode list = root.path("allocations");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = name + ": allocations[" + i + "]";
            String host = e.path("host").asText("");
            String site = e.path("site").asText("");
            if (host.isEmpty() || site.isEmpty()) {
                throw new LockFileException(where + " needs host, site and block; restore the file from version control");
            }
            if (!hosts.add(host)) {
                throw new LockFileException(where + " records host " + host + " twice; keep the entry that matches the running node");
            }
            try {
                entries.add(new LockEntry(host, site, Prefix.parse(e.path("block").asText(""))));
            } catch (AddressFormatException ex) {
                throw new LockFileException(where + ": " + ex.getMessage());
            }
        }
        return new LockFile(size, entries);
    }

    public static String write(LockFile lock) {
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", API_VERSION);
        root.put("kind", KIND);
        lock.nodeBlockSize().ifPresent(s -> root.put("nodeBlockSize", s));
        ArrayNode list = root.putArray("allocations");
        for (LockEntry e : lock.allocations()) {
            ObjectNode n = list.addObject();
            n.put("host", e.host());
            n.put("site", e.site());
            n.put("block", e.block().toString());
        }
        try {
            return HEADER + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lock file tree always serialises", e);
        }
    }
}
