package io.hybridctl.spec.yaml;

import io.hybridctl.spec.diag.Location;

import java.util.List;

public record YamlList(List<YamlNode> items, Location location, long weight) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
