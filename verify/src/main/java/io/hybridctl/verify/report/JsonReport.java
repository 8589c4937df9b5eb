package io.hybridctl.verify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.netmodel.flow.Hop;
import io.hybridctl.netmodel.flow.Step;
import io.hybridctl.netmodel.flow.Trace;
import io.hybridctl.verify.flows.Finding;
import io.hybridctl.verify.flows.FlowResult;

/** The machine report: the same content as the text one, every finding included. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(VerifyReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cluster", r.cluster());
        root.put("sites", r.sites());
        root.put("hosts", r.hosts());
        root.put("passed", r.passed());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        ArrayNode diffs = root.putArray("differences");
        for (VerifyReport.Difference d : r.differences()) {
            diffs.addObject().put("source", d.source()).put("component", d.component()).put("detail", d.detail());
        }
        ArrayNode flows = root.putArray("flows");
        for (FlowResult f : r.flows()) {
            ObjectNode o = flows.addObject();
            o.put("name", f.definition().name());
            o.put("title", f.definition().title());
            o.put("reference", f.definition().reference());
            o.put("expectation", f.definition().expectation().name());
            o.put("status", !f.applicable() ? "NOT_APPLICABLE" : f.passed() ? "PASSED" : "FAILED");
            f.notApplicable().ifPresent(w -> o.put("notApplicable", w));
            o.put("sources", f.sources());
            o.put("destinations", f.destinations());
            o.put("tracedSourceGroups", f.tracedGroups());
            ArrayNode findings = o.putArray("findings");
            for (Finding x : f.findings()) {
                ObjectNode n = findings.addObject();
                n.put("header", x.header());
                n.put("direction", x.reply() ? "reply" : "request");
                n.put("source", x.source());
                n.put("destination", x.destination());
                n.put("verdict", x.verdict());
                n.putObject("explanation").put("code", x.explanation().code()).put("component", x.explanation().component())
                        .put("detail", x.explanation().detail()).put("remediation", x.explanation().remediation())
                        .put("symptom", x.explanation().symptom());
                x.trace().ifPresent(t -> n.set("trace", trace(t)));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    public static ObjectNode trace(Trace t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("disposition", t.disposition().name());
        ArrayNode hops = o.putArray("hops");
        for (Hop h : t.hops()) {
            ObjectNode hop = hops.addObject();
            hop.put("node", h.node());
            ArrayNode steps = hop.putArray("steps");
            for (Step s : h.steps()) {
                steps.add(s.toString());
            }
        }
        return o;
    }
}
