package io.hybridctl.spec.diag.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.RuleCatalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** SARIF 2.1.0 with one run, the used rules in the driver, and a physical location per result. */
public record SarifFormat() implements ReportFormat {

    @Override
    public String render(Report report) {
        ObjectNode root = JsonFormat.JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "hybridctl");
        driver.put("informationUri", "https://hybridctl.io/docs/rules");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Diagnostic d : report.diagnostics()) {
            index.computeIfAbsent(d.code(), code -> {
                ObjectNode r = rules.addObject();
                r.put("id", code);
                RuleCatalog.get().find(code).ifPresent(doc -> {
                    r.putObject("shortDescription").put("text", doc.title());
                    r.putObject("fullDescription").put("text", doc.explain());
                    r.putObject("defaultConfiguration").put("level", level(doc.severity()));
                });
                return rules.size() - 1;
            });
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", d.code());
            r.put("ruleIndex", index.get(d.code()));
            r.put("level", level(d.severity()));
            r.putObject("message").put("text", d.message() + (d.hint().isEmpty() ? "" : " Fix: " + d.hint()));
            ObjectNode location = r.putArray("locations").addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", d.location().file());
            if (d.location().line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", d.location().line());
                region.put("startColumn", d.location().column());
            }
            if (!d.path().isEmpty()) {
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", d.path());
            }
        }
        try {
            return JsonFormat.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String level(io.hybridctl.spec.diag.Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}
