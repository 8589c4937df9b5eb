package io.hybridctl.spec.schema;

import java.util.List;
import java.util.Optional;

public record ObjectType(String name, String doc, List<Field> fields) implements Type {

    public ObjectType {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.name().equals(key)).findFirst();
    }

    @Override
    public String describe() {
        return "a mapping (" + name + ")";
    }
}
