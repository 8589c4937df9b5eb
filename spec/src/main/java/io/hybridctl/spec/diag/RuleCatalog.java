package io.hybridctl.spec.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hybridctl.spec.diag.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every diagnostic code with its severity and documentation, read from rules.yaml so docs live beside data. */
public final class RuleCatalog {

    private static final RuleCatalog INSTANCE = load();

    private final Map<String, RuleDoc> docs;

    private RuleCatalog(Map<String, RuleDoc> docs) {
        this.docs = docs;
    }

    public static RuleCatalog get() {
        return INSTANCE;
    }

    public Optional<RuleDoc> find(String code) {
        return Optional.ofNullable(docs.get(code.toUpperCase(Locale.ROOT)));
    }

    public RuleDoc require(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("diagnostic code " + code + " is not documented in rules.yaml"));
    }

    public Collection<RuleDoc> all() {
        return docs.values();
    }

    private static RuleCatalog load() {
        try (InputStream in = RuleCatalog.class.getResourceAsStream("/io/hybridctl/spec/rules.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, RuleDoc> docs = new TreeMap<>();
            for (JsonNode r : root.get("rules")) {
                String code = r.get("code").asText();
                docs.put(code, new RuleDoc(code, Severity.ofLabel(r.get("severity").asText()),
                        r.get("title").asText(), r.path("source").asText(""), r.path("explain").asText("").strip()));
            }
            return new RuleCatalog(docs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rule catalogue", e);
        }
    }
}
