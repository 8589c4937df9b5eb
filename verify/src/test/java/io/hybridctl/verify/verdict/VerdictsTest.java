package io.hybridctl.verify.verdict;

import io.hybridctl.net.Protocol;
import io.hybridctl.plan.design.Designer;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.verify.model.HybridModel;
import io.hybridctl.verify.model.ModelBuilder;
import io.hybridctl.plan.design.Design;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** verify's answers for the lab: required flows as data and one packet's verdict, on the repository's examples. */
class VerdictsTest {

    private static HybridModel model(String example) {
        HybridCluster spec = new SpecLoader().load(Path.of(System.getProperty("hybridctl.repo", ".."), "examples", example)).spec().orElseThrow();
        Design d = Designer.deriveLenient(spec, Optional.empty());
        return new ModelBuilder().build(d.spec(), d.intent());
    }

    @Test
    void requiredFlowsAreTheApplicableCatalogueEntries() {
        Verdicts v = Verdicts.of(model("unroutable-pods.yaml"));
        List<String> names = v.requiredFlows().stream().map(RequiredFlow::name).toList();
        assertThat(names).contains("node-to-apiserver", "apiserver-to-kubelet", "pod-cidr-isolated").doesNotContain("pod-to-apiserver");
        assertThat(v.requiredFlows()).allSatisfy(f -> assertThat(f.legs()).isNotEmpty());
    }

    @Test
    void aKubeletReachesTheApiServerAndTheReplyComesBack() {
        HybridModel m = model("lab-cilium-bgp.yaml");
        HybridModel.HostNodes host = m.hosts().values().iterator().next();
        HybridModel.Endpoint eni = m.controlPlane().getFirst();
        Verdict v = Verdicts.of(m).verdict(host.node(), host.host().address(), eni.node(), eni.address(), Protocol.TCP, 443, true);
        assertThat(v).isEqualTo(new Verdict(true, "accepted", List.of()));
    }

    @Test
    void aPortNoRuleAdmitsIsRefusedWithWhereAndWhy() {
        HybridModel m = model("lab-cilium-bgp.yaml");
        HybridModel.HostNodes host = m.hosts().values().iterator().next();
        HybridModel.Endpoint eni = m.controlPlane().getFirst();
        Verdict v = Verdicts.of(m).verdict(eni.node(), eni.address(), host.node(), host.host().address(), Protocol.TCP, 2222, false);
        assertThat(v.reachable()).isFalse();
        assertThat(v.reason()).startsWith("request ").contains(" at ");
        assertThat(v.trace()).isNotEmpty().first().isEqualTo(eni.node());
    }
}
