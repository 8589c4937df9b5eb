package io.hybridctl.plan.render.docs;

import io.hybridctl.plan.PlanInputs;
import io.hybridctl.plan.PlanOutcome;
import io.hybridctl.plan.Planner;
import io.hybridctl.plan.RenderedPlan;
import io.hybridctl.plan.TestSpecs;
import io.hybridctl.spec.model.HybridCluster;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyRendererTest {

    private static RenderedPlan plan(int sites, int hosts) {
        List<TestSpecs.SiteShape> shapes = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            List<String> names = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                names.add("s" + s + "-h" + h);
            }
            shapes.add(new TestSpecs.SiteShape("site-" + s, "10.80." + s + ".0/24", List.of("10.9" + s + ".0.0/16"), names));
        }
        HybridCluster spec = TestSpecs.spec(26, shapes);
        return ((PlanOutcome.Rendered) new Planner().plan(PlanInputs.of(spec))).plan();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void twoSitesOfFiveHostsShowEveryHostWithItsBlock() throws Exception {
        RenderedPlan plan = plan(2, 5);
        String svg = plan.get("topology.svg").text();
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("s1-h4  10.80.1.14  pods " + plan.intent().allocations().find("s1-h4").orElseThrow().block())
                .contains("tgw-0123456789abcdef0").contains("10.250.0.0/16");
    }

    @Test
    void fiftyHostsStayReadableBySummarisingTheRest() throws Exception {
        String svg = plan(1, 50).get("topology.svg").text();
        parse(svg);
        assertThat(svg).contains("... and 38 more hosts").doesNotContain("s0-h12 ");
        int height = Integer.parseInt(svg.replaceFirst("(?s).*?height=\"(\\d+)\".*", "$1"));
        assertThat(height).isLessThan(800);
    }
}
