package io.hybridctl.spec.schema;

/** docs/spec.md, generated from the schema so that the reference documents every field the checker accepts. */
public final class SpecReferenceWriter {

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HybridCluster spec reference\n\n");
        out.append("<!-- Generated from HybridClusterSchema by `hybridctl schema --markdown`; a test keeps it current. -->\n\n");
        out.append("`apiVersion: ").append(HybridClusterSchema.API_VERSION).append("`, `kind: ").append(HybridClusterSchema.KIND)
                .append("`. Unknown keys are errors. `hybridctl schema` prints the same definition as JSON Schema for editors;\n")
                .append("`hybridctl init` writes a commented starter file. Derived values (`remoteNodeNetworks`, `remotePodNetworks`,\n")
                .append("the default service CIDR) are computed from the spec and never written by hand.\n\n");
        for (ObjectType t : HybridClusterSchema.objectTypes()) {
            out.append("## ").append(t.name()).append("\n\n").append(t.doc()).append("\n\n");
            out.append("| Key | Type | Required | Default | Description |\n|---|---|---|---|---|\n");
            for (Field f : t.fields()) {
                out.append("| `").append(f.name()).append("` | ").append(describe(f.type())).append(" | ")
                        .append(f.required() ? "yes" : "no").append(" | ")
                        .append(f.defaultText() == null ? "" : f.defaultText().replace("|", "\\|")).append(" | ")
                        .append(f.doc().replace("|", "\\|")).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String describe(Type type) {
        return switch (type) {
            case ObjectType o -> "[" + o.name() + "](#" + o.name().toLowerCase() + ")";
            case ListType l -> "list of " + describe(l.item());
            case MapType m -> "map of string";
            case ScalarType s -> switch (s.kind()) {
                case ENUM -> String.join(" \\| ", s.values().stream().map(v -> "`" + v + "`").toList());
                case INTEGER -> "integer " + s.min() + ".." + s.max();
                default -> s.kind().name().toLowerCase().replace('_', ' ');
            };
        };
    }
}
