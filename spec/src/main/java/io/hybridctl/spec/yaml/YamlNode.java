package io.hybridctl.spec.yaml;

import io.hybridctl.spec.diag.Location;

/** A YAML value that remembers where it was written. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    Location location();

    /** What a user would call this kind of value, for "expected X, found Y" messages. */
    String kindName();

    /** Nodes below and including this one, counting shared alias targets once per use. */
    long weight();
}
