package io.hybridctl.verify.report;

import io.hybridctl.netmodel.flow.Hop;
import io.hybridctl.netmodel.flow.Step;
import io.hybridctl.netmodel.flow.Trace;
import io.hybridctl.spec.diag.format.ControlCharacters;
import io.hybridctl.verify.flows.Finding;
import io.hybridctl.verify.flows.FlowTracer;
import io.hybridctl.verify.flows.FlowResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The human report: a result table, then each failure with its trace, explanation, remediation and symptom. Failures
 * of a flow with one root cause ({@link FindingGroups}) are one row and one explanation.
 */
public final class TextReport {

    private final int maxFindingsPerFlow;

    public TextReport(int maxFindingsPerFlow) {
        this.maxFindingsPerFlow = maxFindingsPerFlow;
    }

    public String render(VerifyReport r) {
        StringBuilder b = new StringBuilder();
        b.append("hybridctl verify: cluster ").append(r.cluster()).append(" (").append(r.sites()).append(" site(s), ").append(r.hosts()).append(" host(s))\n");
        for (String n : r.notes()) {
            b.append("note: ").append(n).append('\n');
        }
        if (!r.differences().isEmpty()) {
            b.append("\nObserved state differs from the design:\n");
            for (VerifyReport.Difference d : r.differences()) {
                b.append("  ").append(d.source()).append(": ").append(d.component()).append(": ").append(d.detail()).append('\n');
            }
        }
        b.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FLOW", "SOURCE", "DESTINATION", "VERDICT"});
        for (FlowResult f : r.flows()) {
            if (!f.applicable()) {
                rows.add(new String[] {f.definition().name(), "-", "-", "NOT_APPLICABLE (" + f.notApplicable().get() + ")"});
            } else if (f.passed()) {
                String verdict = switch (f.definition().expectation()) {
                    case MUST_WORK -> "ACCEPTED";
                    case MUST_NOT_WORK -> "BLOCKED (as required)";
                };
                rows.add(new String[] {f.definition().name(), f.sources() + " source(s)", f.destinations() + " destination(s)", verdict});
            } else {
                int shown = 0;
                List<FindingGroups.Group> groups = FindingGroups.of(f.findings()).groups();
                for (FindingGroups.Group g : groups) {
                    if (shown++ == maxFindingsPerFlow) {
                        rows.add(new String[] {f.definition().name(), "...", "...", (groups.size() - maxFindingsPerFlow) + " more"});
                        break;
                    }
                    Finding x = g.first();
                    rows.add(new String[] {f.definition().name(), g.source(), g.destination(), x.verdict() + (x.reply() ? " (reply)" : "")});
                }
            }
        }
        table(b, rows);
        int index = 0;
        for (FlowResult f : r.flows()) {
            int shown = 0;
            for (FindingGroups.Group g : FindingGroups.of(f.findings()).groups()) {
                if (shown++ == maxFindingsPerFlow) {
                    break;
                }
                Finding x = g.first();
                b.append("\n[").append(++index).append("] ").append(x.flow()).append(' ').append(g.header()).append(": ").append(g.source())
                        .append(" -> ").append(g.destination()).append(": ").append(x.verdict()).append(x.reply() ? " on the reply" : "");
                if (g.findings() > 1) {
                    b.append(" (").append(g.findings()).append(" findings, one cause; the trace is the first's)");
                }
                b.append('\n');
                b.append("    explanation: ").append(x.explanation().code()).append(" at ").append(x.explanation().component()).append(": ")
                        .append(x.explanation().detail()).append('\n');
                b.append("    remediation: ").append(x.explanation().remediation()).append('\n');
                b.append("    symptom:     ").append(x.explanation().symptom()).append('\n');
                x.trace().ifPresent(t -> trace(b, t, "    "));
            }
        }
        long failed = r.flows().stream().filter(f -> !f.passed()).count();
        long skipped = r.flows().stream().filter(f -> !f.applicable()).count();
        b.append('\n').append(r.flows().size() - skipped).append(" flow(s) checked, ").append(failed).append(" failed, ").append(skipped)
                .append(" not applicable: ").append(r.passed() ? "PASS" : "FAIL").append('\n');
        // Verify also reads specs that failed validation: names in them may carry control characters.
        return ControlCharacters.escape(b.toString());
    }

    /** `verify --flow F --from X --to Y`: each direction's verdict, explanation and trace, then PASS or FAIL. */
    public static String traces(String flow, List<FlowTracer.Traced> traces) {
        StringBuilder b = new StringBuilder();
        for (FlowTracer.Traced t : traces) {
            b.append(flow).append(' ').append(t.header()).append(": ").append(t.source()).append(" -> ").append(t.destination()).append(": ")
                    .append(t.disposition()).append(t.reply() ? " (reply)" : "").append('\n');
            t.explanation().ifPresent(x -> b.append("  explanation: ").append(x.code()).append(" at ").append(x.component()).append(": ")
                    .append(x.detail()).append("\n  remediation: ").append(x.remediation()).append("\n  symptom:     ").append(x.symptom()).append('\n'));
            trace(b, t.trace(), "  ");
            b.append('\n');
        }
        b.append(traces.stream().allMatch(t -> t.explanation().isEmpty()) ? "PASS" : "FAIL").append('\n');
        return ControlCharacters.escape(b.toString());
    }

    public static void trace(StringBuilder b, Trace t, String indent) {
        b.append(indent).append("trace (").append(t.disposition()).append("):\n");
        for (Hop h : t.hops()) {
            b.append(indent).append("  ").append(h.node()).append('\n');
            for (Step s : h.steps()) {
                b.append(indent).append("    ").append(s).append('\n');
            }
        }
    }

    private static void table(StringBuilder b, List<String[]> rows) {
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.min(48, Math.max(width[i], r[i].length()));
            }
        }
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                b.append(pad(r[i], width[i])).append("  ");
            }
            b.append(r[3]).append('\n');
        }
    }

    private static String pad(String s, int w) {
        if (s.length() > w) {
            return s.substring(0, w - 1) + "~";
        }
        return s + " ".repeat(w - s.length());
    }
}
