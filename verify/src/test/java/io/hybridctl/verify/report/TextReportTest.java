package io.hybridctl.verify.report;

import io.hybridctl.verify.BrokenDesigns;
import io.hybridctl.verify.explain.Explanation;
import io.hybridctl.verify.flows.Finding;
import io.hybridctl.verify.flows.FlowResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    private static Finding finding(String header, String source, String destination, String code) {
        return new Finding("apiserver-to-webhook", header, false, source, destination, "NO_ROUTE", Optional.empty(),
                new Explanation(code, "gateway/tgw-1", "no route", "add one", "webhooks time out"));
    }

    @Test
    void findingsWithOneRootCauseAreOneGroup() {
        List<Finding> findings = List.of(finding("tcp/443", "ENI a", "pods on w1", "VFY001"), finding("tcp/443", "ENI b", "pods on w1", "VFY001"),
                finding("tcp/9443", "ENI a", "pods on w1", "VFY001"), finding("tcp/443", "ENI a", "pods on w1", "VFY002"));
        List<FindingGroups.Group> groups = FindingGroups.of(findings).groups();
        assertThat(groups).hasSize(2);
        FindingGroups.Group g = groups.get(0);
        assertThat(g.findings()).isEqualTo(3);
        assertThat(g.source()).isEqualTo("2 sources (ENI a, ENI b)");
        assertThat(g.destination()).isEqualTo("pods on w1");
        assertThat(g.header()).isEqualTo("tcp/443, tcp/9443");
    }

    @Test
    void aBrokenDesignSaysEachRootCauseOnceWithSiteNamesAndPlainSpecPaths() {
        VerifyReport report = BrokenDesigns.verify("overlapping-pods.yaml");
        FlowResult webhooks = report.flows().stream().filter(f -> f.definition().name().equals("apiserver-to-webhook")).findFirst().orElseThrow();
        assertThat(webhooks.findings().size()).isGreaterThan(FindingGroups.of(webhooks.findings()).groups().size());
        String text = new TextReport(20).render(report);
        long rows = text.lines().filter(l -> l.startsWith("apiserver-to-webhook ")).count();
        assertThat(rows).isEqualTo(FindingGroups.of(webhooks.findings()).groups().size());
        assertThat(text).doesNotContain("[spec spec").doesNotContainPattern("site-\\d");
        assertThat(text).containsPattern("out site-(west|east)");
        String tunnel = new TextReport(20).render(BrokenDesigns.verify("selectors-without-pods.yaml"));
        assertThat(tunnel).containsPattern("\\[spec\\.sites\\[0\\]\\.connection \\(site [a-z0-9-]+\\)").doesNotContain("[spec spec");
    }
}
