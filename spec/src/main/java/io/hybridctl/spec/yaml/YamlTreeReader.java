package io.hybridctl.spec.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Location;
import io.hybridctl.spec.diag.Severity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a located tree. Jackson's streaming parser gives positions; this class adds what a
 * strict reader needs on top: duplicate keys reported with both places, anchors and aliases resolved under a budget
 * (so "billion laughs" is refused instead of expanded), and limits on depth, scalar size and document size.
 */
public final class YamlTreeReader {

    public static final String SYNTAX = "SPEC001";
    public static final String DUPLICATE_KEY = "SPEC002";
    public static final String LIMIT = "SPEC008";

    private final YamlLimits limits;
    private final YAMLFactory factory;

    public YamlTreeReader(YamlLimits limits) {
        this.limits = limits;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        options.setNestingDepthLimit(limits.maxDepth() + 2);
        options.setMaxAliasesForCollections(1_000);
        options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both locations
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 2)
                        .maxStringLength(limits.maxScalarLength() + 1)
                        .maxNumberLength(64)
                        .build())
                .build();
    }

    public record Result(YamlNode root, List<Diagnostic> diagnostics) {
    }

    public Result read(String file, byte[] content) throws YamlReadException {
        if (content.length > limits.maxBytes()) {
            throw new YamlReadException(LIMIT, Location.ofFile(file), "the file is " + content.length
                    + " bytes, over the limit of " + limits.maxBytes() + " bytes", "split the spec or remove what is not a HybridCluster");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new YamlReadException(SYNTAX, Location.ofFile(file), "the file is empty", "start from `hybridctl init`");
        }
        TokenBudgetReader input = new TokenBudgetReader(text, limits.maxScalarLength());
        Builder builder = null;
        try (YAMLParser parser = (YAMLParser) factory.createParser(input)) {
            builder = new Builder(file, parser, input);
            JsonToken first = builder.next();
            if (first == null) {
                throw new YamlReadException(SYNTAX, Location.ofFile(file), "the file holds no YAML document", "start from `hybridctl init`");
            }
            YamlNode root = builder.value(first, 0);
            JsonToken next = builder.next();
            if (next != null) {
                throw new YamlReadException(SYNTAX, builder.here(), "the file holds more than one YAML document",
                        "keep one HybridCluster per file; remove the extra '---' section");
            }
            return new Result(root, builder.diagnostics);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some failures as unchecked YAMLExceptions, and a refused read surfaces as whatever
            // the parser wraps it in; neither may escape as an internal error.
            if (input.tripped()) {
                throw oversizedToken(builder == null ? Location.ofFile(file) : builder.lastEvent);
            }
            MarkedYAMLException marked = marked(e);
            if (marked != null && !isLimit(String.valueOf(marked.getMessage()))) {
                throw SyntaxExplanation.of(file, text, marked);
            }
            if (e instanceof JsonProcessingException jpe) {
                throw translate(file, text, jpe);
            }
            if (e instanceof RuntimeException && !(e instanceof org.yaml.snakeyaml.error.YAMLException)) {
                throw (RuntimeException) e;
            }
            throw new YamlReadException(SYNTAX, Location.ofFile(file), "cannot read the YAML: " + firstLine(String.valueOf(e.getMessage())),
                    "check that the file is UTF-8 text and valid YAML");
        }
    }

    private static boolean isLimit(String message) {
        return message.contains("exceeds the maximum") || message.contains("limit") || message.contains("Nesting Depth");
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    private YamlReadException oversizedToken(Location after) {
        return new YamlReadException(LIMIT, after, "what follows this point runs for more than " + limits.maxScalarLength()
                + " characters without completing a YAML value: a scalar, key or comment over the limit of " + limits.maxScalarLength()
                + " characters", "reference large content (such as a CA bundle) by file instead of inlining it");
    }

    private YamlReadException translate(String file, String text, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        Location loc = at == null ? Location.ofFile(file) : new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        String raw = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
        if (isLimit(raw)) {
            return new YamlReadException(LIMIT, loc, "the document exceeds a safety limit: " + firstLine(raw),
                    "hybridctl refuses very deep nesting, huge scalars and documents over " + (limits.maxBytes() >> 20) + " MiB");
        }
        if (raw.contains("special characters are not allowed")) {
            return new YamlReadException(SYNTAX, firstControlCharacter(file, text).orElse(loc), "a control character or binary data; a spec is UTF-8 text",
                    "remove the character at this position (an editor may show it as a box or '?'), or re-save the file as UTF-8");
        }
        return new YamlReadException(SYNTAX, loc, "invalid YAML: " + firstLine(raw), "fix the YAML syntax at this position (indentation, quotes, ':' after keys)");
    }

    /** SnakeYAML reports a control character without a position; find it, so the message can point at it. */
    private static java.util.Optional<Location> firstControlCharacter(String file, String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || (c >= 0x7f && c < 0xa0 && c != 0x85) || c == 0xfffe || c == 0xffff) {
                return java.util.Optional.of(new Location(file, line, i - lineStart + 1));
            }
        }
        return java.util.Optional.empty();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.replace("org.yaml.snakeyaml.", "").strip();
    }

    private final class Builder {
        private final String file;
        private final YAMLParser parser;
        private final TokenBudgetReader input;
        private Location lastEvent;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private long nodes;

        Builder(String file, YAMLParser parser, TokenBudgetReader input) {
            this.file = file;
            this.parser = parser;
            this.input = input;
            this.lastEvent = Location.ofFile(file);
        }

        JsonToken next() throws IOException {
            JsonToken t = parser.nextToken();
            input.eventSeen();
            return t;
        }

        Location here() {
            JsonLocation l = parser.currentTokenLocation();
            return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
        }

        YamlNode value(JsonToken token, int depth) throws IOException, YamlReadException {
            if (depth > limits.maxDepth()) {
                throw new YamlReadException(LIMIT, here(), "nesting deeper than " + limits.maxDepth() + " levels", "a HybridCluster spec is never this deep; this input looks hostile or generated wrongly");
            }
            String anchor = parser.getObjectId() instanceof String s ? s : null;
            Location at = here();
            lastEvent = at;
            YamlNode node;
            if (parser.isCurrentAlias()) {
                String name = parser.getText();
                YamlNode target = anchors.get(name);
                if (target == null) {
                    throw new YamlReadException(SYNTAX, at, "alias '*" + name + "' refers to no anchor defined before it", "define '&" + name + "' earlier in the file");
                }
                charge(target.weight(), at);
                return target;
            }
            node = switch (token) {
                case START_OBJECT -> map(at, depth);
                case START_ARRAY -> list(at, depth);
                case VALUE_STRING -> scalar(YamlScalar.Kind.STRING, at);
                case VALUE_NUMBER_INT -> scalar(YamlScalar.Kind.INTEGER, at);
                case VALUE_NUMBER_FLOAT -> scalar(YamlScalar.Kind.FLOAT, at);
                case VALUE_TRUE, VALUE_FALSE -> scalar(YamlScalar.Kind.BOOLEAN, at);
                case VALUE_NULL -> scalar(YamlScalar.Kind.NULL, at);
                default -> throw new YamlReadException(SYNTAX, at, "unexpected YAML token " + token, "fix the YAML syntax here");
            };
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private void charge(long weight, Location at) throws YamlReadException {
            nodes += weight;
            if (nodes > limits.maxNodes()) {
                throw new YamlReadException(LIMIT, at, "the document expands to more than " + limits.maxNodes()
                        + " values (alias expansion or sheer size)", "remove the nested anchors and aliases; a spec does not need them to repeat itself this much");
            }
        }

        private YamlScalar scalar(YamlScalar.Kind kind, Location at) throws IOException, YamlReadException {
            String text = kind == YamlScalar.Kind.NULL ? null : parser.getText();
            if (text != null && text.length() > limits.maxScalarLength()) {
                throw new YamlReadException(LIMIT, at, "a scalar of " + text.length() + " characters, over the limit of "
                        + limits.maxScalarLength(), "reference large content (such as a CA bundle) by file instead of inlining it");
            }
            charge(1, at);
            return new YamlScalar(text, kind, at);
        }

        private YamlList list(Location at, int depth) throws IOException, YamlReadException {
            List<YamlNode> items = new ArrayList<>();
            long weight = 1;
            charge(1, at);
            JsonToken t;
            while ((t = next()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new YamlReadException(SYNTAX, at, "unterminated list", "close the list");
                }
                YamlNode item = value(t, depth + 1);
                weight += item.weight();
                items.add(item);
            }
            return new YamlList(items, at, weight);
        }

        private YamlMap map(Location at, int depth) throws IOException, YamlReadException {
            Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
            long weight = 1;
            charge(1, at);
            JsonToken t;
            while ((t = next()) != JsonToken.END_OBJECT) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new YamlReadException(SYNTAX, here(), "expected a key", "fix the mapping's indentation");
                }
                String key = parser.currentName();
                Location keyAt = here();
                lastEvent = keyAt;
                YamlNode value = value(next(), depth + 1);
                weight += value.weight();
                YamlMap.Entry previous = entries.get(key);
                if (previous != null) {
                    diagnostics.add(new Diagnostic(DUPLICATE_KEY, Severity.ERROR, "", keyAt,
                            "duplicate key '" + key + "' (first at line " + previous.keyLocation().line() + ")",
                            "remove one of the two '" + key + "' entries; YAML keeps only one and silently drops the other"));
                    continue;
                }
                entries.put(key, new YamlMap.Entry(key, keyAt, value));
            }
            return new YamlMap(entries, at, weight);
        }
    }
}
