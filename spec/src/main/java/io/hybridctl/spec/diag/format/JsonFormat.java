package io.hybridctl.spec.diag.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;

/** `{"valid": bool, "summary": {...}, "diagnostics": [...]}` with stable field names for scripts. */
public record JsonFormat() implements ReportFormat {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("valid", !report.hasErrors() && !report.unreadable());
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("notes", report.count(Severity.NOTE));
        summary.put("hidden", report.hidden().size());
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode n = list.addObject();
            n.put("code", d.code());
            n.put("severity", d.severity().label());
            n.put("path", d.path());
            n.put("file", d.location().file());
            n.put("line", d.location().line());
            n.put("column", d.location().column());
            n.put("message", d.message());
            n.put("hint", d.hint());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
