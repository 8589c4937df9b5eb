package io.hybridctl.verify;

import io.hybridctl.plan.intent.Direction;
import io.hybridctl.verify.observed.ObservedStateException;
import io.hybridctl.verify.report.JsonReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Flows are checked on worker threads; the report must be the same, finding for finding, as on one thread. */
class VerifierThreadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"bgp-cilium.yaml", "static-calico.yaml", "selectors-without-pods.yaml", "overlapping-pods.yaml", "lb-outside.yaml"})
    void theReportDoesNotDependOnTheThreadCount(String design) throws ObservedStateException {
        // Break the design as well, so that there are findings whose order and content could differ.
        Verifier.Request r = BrokenDesignSuiteTest.request(design).withIntent(i -> IntentEdits.withoutSecurityGroupRules(i,
                s -> s.direction() == Direction.INBOUND && s.ports().from() <= 443 && s.ports().to() >= 443));
        String one = new JsonReport().render(new Verifier(1).run(r).report());
        String three = new JsonReport().render(new Verifier(3).run(r).report());
        assertThat(one).contains("\"findings\" : [ {");
        assertThat(three).isEqualTo(one);
    }
}
