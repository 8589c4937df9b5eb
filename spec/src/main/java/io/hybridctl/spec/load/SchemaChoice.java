package io.hybridctl.spec.load;

import io.hybridctl.spec.schema.Field;
import io.hybridctl.spec.schema.ObjectType;
import io.hybridctl.spec.schema.ScalarType;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An enum key of {@link io.hybridctl.spec.schema.HybridClusterSchema} mapped onto a model enum: the spellings and the
 * default are the schema's, so they are written once. A spelling names the constant with underscores dropped, case
 * ignored ("publicAndPrivate" is PUBLIC_AND_PRIVATE). A missing or misspelt value (the structural check has reported
 * it) falls back to the schema's default, or to its first spelling for a required key.
 */
final class SchemaChoice<E extends Enum<E>> {

    private final Map<String, E> bySpelling = new HashMap<>();
    private final E fallback;

    private SchemaChoice(ObjectType type, String key, Class<E> model) {
        Field field = type.field(key).orElseThrow(() -> new IllegalStateException(type.name() + " has no key " + key));
        if (!(field.type() instanceof ScalarType s) || s.kind() != ScalarType.Kind.ENUM) {
            throw new IllegalStateException(type.name() + "." + key + " is not an enum");
        }
        Map<String, E> byName = new HashMap<>();
        for (E e : model.getEnumConstants()) {
            byName.put(e.name().replace("_", "").toLowerCase(Locale.ROOT), e);
        }
        for (String spelling : s.values()) {
            E e = byName.remove(spelling.replace("_", "").toLowerCase(Locale.ROOT));
            if (e == null) {
                throw new IllegalStateException(type.name() + "." + key + ": '" + spelling + "' names no constant of " + model.getSimpleName());
            }
            bySpelling.put(spelling, e);
        }
        if (!byName.isEmpty()) {
            throw new IllegalStateException(type.name() + "." + key + " has no spelling for " + byName.values());
        }
        String fallbackSpelling = field.defaultText() != null ? field.defaultText() : s.values().get(0);
        this.fallback = bySpelling.get(fallbackSpelling);
        if (fallback == null) {
            throw new IllegalStateException(type.name() + "." + key + ": default '" + fallbackSpelling + "' is not one of " + s.values());
        }
    }

    static <E extends Enum<E>> SchemaChoice<E> of(ObjectType type, String key, Class<E> model) {
        return new SchemaChoice<>(type, key, model);
    }

    E of(Optional<String> spelling) {
        return spelling.map(bySpelling::get).orElse(fallback);
    }

    /** The schema's default of a key whose default is a literal (an integer or a boolean). */
    static String defaultOf(ObjectType type, String key) {
        return type.field(key).map(Field::defaultText)
                .orElseThrow(() -> new IllegalStateException(type.name() + "." + key + " has no default"));
    }
}
