package io.hybridctl.aws.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a plan template with their defaults, sent explicitly with the change set: the stack then records
 * exactly what the plan meant, and emulators that only split List parameters when they are passed (moto) agree with
 * CloudFormation.
 */
public final class TemplateParameters {

    private TemplateParameters() {
    }

    public static Map<String, String> defaults(String templateBody) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(templateBody);
        } catch (IOException e) {
            throw new IllegalArgumentException("the plan's template is not YAML: " + e.getMessage(), e);
        }
        JsonNode params = root == null ? null : root.get("Parameters");
        if (params != null) {
            params.properties().forEach(p -> {
                JsonNode d = p.getValue().get("Default");
                if (d != null && !d.isNull()) {
                    out.put(p.getKey(), d.asText());
                }
            });
        }
        return out;
    }
}
