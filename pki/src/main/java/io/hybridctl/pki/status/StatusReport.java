package io.hybridctl.pki.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** `pki status` output: a table for people, JSON for scripts. Exit 1 when any certificate is revoked, expired, missing or invalid. */
public record StatusReport(List<HostStatus> hosts, Instant now, Duration rotateWithin) {

    public StatusReport {
        hosts = List.copyOf(hosts);
    }

    public boolean failed() {
        return hosts.stream().anyMatch(h -> h.state().failsStatus());
    }

    public String table() {
        String[] header = {"HOST", "SERIAL", "NOT AFTER", "DAYS LEFT", "STATE"};
        List<String[]> rows = hosts.stream().map(h -> new String[] {
                h.host(),
                h.serial().map(s -> s.toString(16)).orElse("-"),
                h.notAfter().map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-"),
                h.daysLeft(now).map(String::valueOf).orElse("-"),
                h.state().label()}).toList();
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, width);
        rows.forEach(r -> appendRow(out, r, width));
        for (HostStatus h : hosts) {
            if (!h.detail().isEmpty() && h.state() != CertificateState.OK) {
                out.append(h.host()).append(": ").append(h.state().label()).append(": ").append(h.detail()).append('\n');
            }
            h.notes().forEach(n -> out.append(h.host()).append(": note: ").append(n).append('\n'));
        }
        long bad = hosts.stream().filter(h -> h.state().failsStatus()).count();
        long soon = hosts.stream().filter(h -> h.state() == CertificateState.ROTATE_SOON).count();
        out.append(hosts.size()).append(" host(s): ").append(bad).append(" need a certificate, ").append(soon)
                .append(" to rotate within ").append(rotateWithin.toDays()).append(" days\n");
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(String.format("%-" + width[c] + "s", cells[c]));
            if (c < cells.length - 1) {
                line.append("  ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("now", now.toString());
        root.put("rotateWithinDays", rotateWithin.toDays());
        ArrayNode list = root.putArray("hosts");
        for (HostStatus h : hosts) {
            ObjectNode o = list.addObject();
            o.put("host", h.host());
            o.put("state", h.state().label());
            h.serial().ifPresentOrElse(s -> o.put("serial", s.toString(16)), () -> o.putNull("serial"));
            h.notAfter().ifPresentOrElse(t -> o.put("notAfter", t.toString()), () -> o.putNull("notAfter"));
            h.daysLeft(now).ifPresentOrElse(d -> o.put("daysLeft", d), () -> o.putNull("daysLeft"));
            o.put("detail", h.detail());
            ArrayNode notes = o.putArray("notes");
            h.notes().forEach(notes::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
