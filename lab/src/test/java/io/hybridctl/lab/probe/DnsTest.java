package io.hybridctl.lab.probe;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DnsTest {

    @Property
    void anAnswerMatchesOnlyItsOwnQuery(@ForAll @IntRange(min = 1, max = 0xFFFE) int id) {
        byte[] query = Dns.query(id, "kubernetes.default.svc.cluster.local");
        byte[] answer = Dns.answer(query);
        assertThat(Dns.answers(answer, answer.length, query)).isTrue();
        assertThat(Dns.answers(query, query.length, query)).as("a query is not an answer").isFalse();
        byte[] other = Dns.query(id == 1 ? 2 : id - 1, "kubernetes.default.svc.cluster.local");
        assertThat(Dns.answers(answer, answer.length, other)).isFalse();
    }

    @Test
    void tcpFramingRoundTrips() throws Exception {
        byte[] query = Dns.query(7, "a.b");
        assertThat(Dns.readTcpMessage(new ByteArrayInputStream(Dns.tcpFrame(query)))).isEqualTo(query);
    }

    @Test
    void theListenerRefusesMalformedRequests() {
        assertThat(new ProbeClient(java.nio.file.Path.of("/nonexistent/sock")).ready()).isFalse();
    }
}
