package io.hybridctl.spec.schema;

import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Location;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.yaml.SourceMap;
import io.hybridctl.spec.yaml.YamlList;
import io.hybridctl.spec.yaml.YamlMap;
import io.hybridctl.spec.yaml.YamlNode;
import io.hybridctl.spec.yaml.YamlScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a located YAML tree against the schema and records every path's location. All problems are collected; none
 * stops the walk, so a user sees every unknown key and wrong type of a file in one run.
 */
public final class StructuralCheck {

    public static final String UNKNOWN_KEY = "SPEC003";
    public static final String WRONG_TYPE = "SPEC004";
    public static final String BAD_ENUM = "SPEC005";
    public static final String MISSING = "SPEC006";
    public static final String BAD_ADDRESS = "SPEC007";
    public static final String OUT_OF_RANGE = "SPEC011";
    public static final String LIST_SIZE = "SPEC012";

    private final SourceMap sources;
    private final List<Diagnostic> out = new ArrayList<>();

    public StructuralCheck(SourceMap sources) {
        this.sources = sources;
    }

    public List<Diagnostic> check(YamlNode root) {
        walk(root, HybridClusterSchema.ROOT, "");
        return out;
    }

    private void walk(YamlNode node, Type type, String path) {
        sources.put(path, node.location());
        switch (type) {
            case ObjectType object -> object(node, object, path);
            case ListType list -> list(node, list, path);
            case MapType map -> map(node, map, path);
            case ScalarType scalar -> scalar(node, scalar, path);
        }
    }

    private void object(YamlNode node, ObjectType type, String path) {
        if (!(node instanceof YamlMap map)) {
            wrongType(node, type, path);
            return;
        }
        for (YamlMap.Entry e : map.entries().values()) {
            String childPath = join(path, e.key());
            Optional<Field> field = type.field(e.key());
            if (field.isEmpty()) {
                unknownKey(e, type, childPath);
                continue;
            }
            sources.put(childPath + "#key", e.keyLocation());
            if (e.value() instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NULL && !field.get().required()) {
                sources.put(childPath, e.value().location());
                continue; // `key:` with nothing after it means "use the default"
            }
            walk(e.value(), field.get().type(), childPath);
        }
        for (Field f : type.fields()) {
            if (f.required() && !map.entries().containsKey(f.name())) {
                add(MISSING, path, map.location(), "missing required key '" + f.name() + "' in " + type.name(),
                        "add '" + f.name() + ":' (" + f.type().describe() + "): " + f.doc());
            }
        }
    }

    private void unknownKey(YamlMap.Entry e, ObjectType type, String path) {
        List<String> known = type.fields().stream().map(Field::name).toList();
        Optional<String> near = Suggestions.nearest(e.key(), known);
        String hint;
        if (near.isPresent()) {
            hint = "did you mean `" + near.get() + "`?";
        } else {
            Optional<ObjectType> home = HybridClusterSchema.objectTypes().stream()
                    .filter(t -> t != type && t.field(e.key()).isPresent()).findFirst();
            hint = home.map(t -> "'" + e.key() + "' belongs in " + t.name() + ", not in " + type.name())
                    .orElse("known keys here: " + String.join(", ", known));
        }
        add(UNKNOWN_KEY, path, e.keyLocation(), "unknown key '" + e.key() + "' in " + type.name(), hint);
    }

    private void list(YamlNode node, ListType type, String path) {
        if (!(node instanceof YamlList list)) {
            wrongType(node, type, path);
            return;
        }
        if (list.items().size() < type.minItems()) {
            add(LIST_SIZE, path, node.location(), "needs at least " + type.minItems() + " item(s), has " + list.items().size(),
                    "add " + type.item().describe());
        }
        for (int i = 0; i < list.items().size(); i++) {
            walk(list.items().get(i), type.item(), path + "[" + i + "]");
        }
    }

    private void map(YamlNode node, MapType type, String path) {
        if (!(node instanceof YamlMap map)) {
            wrongType(node, type, path);
            return;
        }
        for (YamlMap.Entry e : map.entries().values()) {
            walk(e.value(), type.value(), join(path, e.key()));
        }
    }

    private void scalar(YamlNode node, ScalarType type, String path) {
        if (!(node instanceof YamlScalar s) || s.kind() == YamlScalar.Kind.NULL) {
            wrongType(node, type, path);
            return;
        }
        String text = s.text();
        switch (type.kind()) {
            case STRING -> {
                if (s.kind() != YamlScalar.Kind.STRING) {
                    add(WRONG_TYPE, path, s.location(), "expected a string, found " + s.kindName() + " (" + text + ")",
                            "quote the value: \"" + text + "\"");
                }
            }
            case VERSION -> {
                if (s.kind() == YamlScalar.Kind.BOOLEAN || !text.matches("\\d+(\\.\\d+){0,2}")) {
                    add(WRONG_TYPE, path, s.location(), "expected " + type.describe() + ", found '" + text + "'",
                            "write the version as digits and dots, in quotes");
                }
            }
            case BOOLEAN -> {
                if (s.kind() == YamlScalar.Kind.BOOLEAN && !YamlScalar.isPlainBoolean(text)) {
                    // YAML 1.1 reads yes/no/on/off as booleans; a spec should not depend on which YAML version a tool uses
                    add(WRONG_TYPE, path, s.location(), "'" + text + "' is a YAML 1.1 boolean that other tools read as a string",
                            "write true or false");
                } else if (s.kind() != YamlScalar.Kind.BOOLEAN) {
                    add(WRONG_TYPE, path, s.location(), "expected true or false, found " + s.kindName() + " (" + text + ")",
                            "write true or false without quotes");
                }
            }
            case INTEGER -> integer(s, type, path);
            case ENUM -> {
                if (!type.values().contains(text)) {
                    Optional<String> near = Suggestions.nearest(text, type.values());
                    add(BAD_ENUM, path, s.location(), "'" + text + "' is not one of " + String.join(", ", type.values()),
                            near.map(n -> "did you mean `" + n + "`?").orElse("use one of " + String.join(", ", type.values())));
                }
            }
            case CIDR -> address(s, path, () -> Prefix.parse(text));
            case IPV4 -> address(s, path, () -> Ipv4Address.parse(text));
            case ADDRESS_RANGE -> address(s, path, () -> AddressRange.parse(text));
        }
    }

    private interface Parse {
        Object run() throws AddressFormatException;
    }

    private void address(YamlScalar s, String path, Parse parse) {
        if (s.kind() != YamlScalar.Kind.STRING) {
            add(WRONG_TYPE, path, s.location(), "expected an address as a string, found " + s.kindName() + " (" + s.text() + ")",
                    "write the address as text, e.g. 192.168.200.0/24");
            return;
        }
        try {
            parse.run();
        } catch (AddressFormatException e) {
            add(BAD_ADDRESS, path, s.location(), e.getMessage(), "write an IPv4 address or CIDR block in canonical form");
        }
    }

    private void integer(YamlScalar s, ScalarType type, String path) {
        if (s.kind() != YamlScalar.Kind.INTEGER) {
            add(WRONG_TYPE, path, s.location(), "expected an integer, found " + s.kindName() + " (" + s.text() + ")",
                    "write a whole number without quotes");
            return;
        }
        long value;
        try {
            value = Long.parseLong(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
            add(OUT_OF_RANGE, path, s.location(), "'" + s.text() + "' is too large", "use a value from " + type.min() + " to " + type.max());
            return;
        }
        if ((type.min() != null && value < type.min()) || (type.max() != null && value > type.max())) {
            add(OUT_OF_RANGE, path, s.location(), value + " is outside " + type.min() + ".." + type.max(),
                    "use a value from " + type.min() + " to " + type.max());
        }
    }

    private void wrongType(YamlNode node, Type expected, String path) {
        add(WRONG_TYPE, path, node.location(), "expected " + expected.describe() + ", found " + node.kindName(),
                "write " + expected.describe() + " here");
    }

    private void add(String code, String path, Location at, String message, String hint) {
        out.add(new Diagnostic(code, Severity.ERROR, path, at, message, hint));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
