package io.hybridctl.spec.load;

import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.AddressRange;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;
import io.hybridctl.spec.yaml.YamlList;
import io.hybridctl.spec.yaml.YamlMap;
import io.hybridctl.spec.yaml.YamlNode;
import io.hybridctl.spec.yaml.YamlScalar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient typed reads from a mapping that the structural check has already judged. A value that is absent or was
 * reported as wrong reads as empty, so mapping continues and the semantic rules still see everything that is valid.
 */
final class Fields {

    private final YamlMap map;

    Fields(YamlNode node) {
        this.map = node instanceof YamlMap m ? m : new YamlMap(Map.of(), node.location(), 1);
    }

    boolean has(String key) {
        return scalarOrNode(key).isPresent();
    }

    Optional<YamlNode> node(String key) {
        return scalarOrNode(key);
    }

    Fields child(String key) {
        return new Fields(node(key).orElse(new YamlMap(Map.of(), map.location(), 1)));
    }

    Optional<String> string(String key) {
        return scalar(key).filter(s -> s.kind() != YamlScalar.Kind.NULL).map(YamlScalar::text);
    }

    Optional<Long> integer(String key) {
        return scalar(key).filter(s -> s.kind() == YamlScalar.Kind.INTEGER).flatMap(s -> {
            try {
                return Optional.of(Long.parseLong(s.text().replace("_", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool(String key) {
        return scalar(key).filter(s -> s.kind() == YamlScalar.Kind.BOOLEAN && YamlScalar.isPlainBoolean(s.text())).map(YamlScalar::booleanValue);
    }

    Optional<Prefix> prefix(String key) {
        return string(key).flatMap(Fields::parsePrefix);
    }

    Optional<Ipv4Address> address(String key) {
        return string(key).flatMap(t -> {
            try {
                return Optional.of(Ipv4Address.parse(t));
            } catch (AddressFormatException e) {
                return Optional.empty();
            }
        });
    }

    List<YamlNode> list(String key) {
        return node(key).filter(n -> n instanceof YamlList).map(n -> ((YamlList) n).items()).orElse(List.of());
    }

    boolean isList(String key) {
        return node(key).filter(n -> n instanceof YamlList).isPresent();
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : list(key)) {
            if (n instanceof YamlScalar s && s.kind() != YamlScalar.Kind.NULL) {
                out.add(s.text());
            }
        }
        return out;
    }

    List<Prefix> prefixes(String key) {
        List<Prefix> out = new ArrayList<>();
        for (String s : strings(key)) {
            parsePrefix(s).ifPresent(out::add);
        }
        return out;
    }

    List<AddressRange> ranges(String key) {
        List<AddressRange> out = new ArrayList<>();
        for (String s : strings(key)) {
            try {
                out.add(AddressRange.parse(s));
            } catch (AddressFormatException e) {
                // reported by the structural check
            }
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        node(key).filter(n -> n instanceof YamlMap).ifPresent(n -> {
            for (YamlMap.Entry e : ((YamlMap) n).entries().values()) {
                if (e.value() instanceof YamlScalar s && s.text() != null) {
                    out.put(e.key(), s.text());
                }
            }
        });
        return out;
    }

    private Optional<YamlScalar> scalar(String key) {
        return node(key).filter(n -> n instanceof YamlScalar).map(n -> (YamlScalar) n);
    }

    private Optional<YamlNode> scalarOrNode(String key) {
        return map.get(key).filter(n -> !(n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NULL));
    }

    private static Optional<Prefix> parsePrefix(String text) {
        try {
            return Optional.of(Prefix.parse(text));
        } catch (AddressFormatException e) {
            return Optional.empty();
        }
    }
}
