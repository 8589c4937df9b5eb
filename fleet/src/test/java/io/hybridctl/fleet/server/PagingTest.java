package io.hybridctl.fleet.server;

import io.hybridctl.fleet.api.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Events and the audit log page by id, newest first; a full page links to the next one (RFC 8288). */
class PagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private final ObjectMapper json = ApiJson.mapper();

    private List<Long> walk(TestServer ts, String first) throws Exception {
        List<Long> ids = new ArrayList<>();
        Optional<String> next = Optional.of(first);
        int pages = 0;
        while (next.isPresent()) {
            HttpResponse<String> r = ts.admin.raw(ts.admin.request(next.get()).GET());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = json.readTree(r.body());
            page.forEach(e -> ids.add(e.path("id").asLong()));
            next = r.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1));
            assertThat(++pages).as("paging terminates").isLessThan(50);
        }
        return ids;
    }

    @Test
    void eventsAndAuditEntriesArePagedNewestFirstWithoutGapsOrRepeats(@TempDir Path tmp) throws Exception {
        try (TestServer ts = TestServer.start(tmp.resolve("server"), "h2")) {
            for (int i = 0; i < 7; i++) {
                ts.server.fleet().hub().record(ts.poolA, null, "test.page", "event " + i);
                ts.registrationToken(ts.poolB, 1, 3600, false); // one audit entry each
            }
            List<Long> all = new ArrayList<>();
            ts.admin.get("/api/v1/events?limit=1000").forEach(e -> all.add(e.path("id").asLong()));
            assertThat(walk(ts, "/api/v1/events?limit=3")).isEqualTo(all).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(walk(ts, "/api/v1/events?pool=" + ts.poolA + "&kind=test.page&limit=2")).hasSize(7);

            List<Long> audit = new ArrayList<>();
            ts.admin.get("/api/v1/audit?limit=1000").forEach(e -> audit.add(e.path("id").asLong()));
            assertThat(audit).hasSizeGreaterThanOrEqualTo(7);
            assertThat(walk(ts, "/api/v1/audit?limit=4")).isEqualTo(audit);

            for (String bad : List.of("/api/v1/events?limit=0", "/api/v1/events?limit=1001", "/api/v1/audit?before=yesterday")) {
                HttpResponse<String> r = ts.admin.raw(ts.admin.request(bad).GET());
                assertThat(r.statusCode()).as(bad).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
        }
    }
}
