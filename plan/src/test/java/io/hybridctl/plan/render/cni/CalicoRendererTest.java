package io.hybridctl.plan.render.cni;

import io.hybridctl.plan.design.DesignResult;
import io.hybridctl.plan.design.Designer;
import io.hybridctl.plan.ipam.Allocations;
import io.hybridctl.plan.ipam.LockFile;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.NodeLabels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hybridctl.plan.TestSpecs.SiteShape;
import static io.hybridctl.plan.TestSpecs.spec;
import static org.assertj.core.api.Assertions.assertThat;

class CalicoRendererTest {

    private static Allocations allocate(HybridCluster spec) {
        return ((DesignResult.Derived) Designer.derive(spec, LockFile.empty(spec.name()))).design().allocations();
    }

    @Test
    void staticRoutingPinsOnePoolToEachHostsBlock() {
        HybridCluster spec = spec(Cni.Plugin.CALICO, Cni.PodRouting.STATIC, 26,
                List.of(new SiteShape("east", "192.168.1.0/24", List.of("10.200.0.0/24"), List.of("e1", "e2"))));
        Allocations a = allocate(spec);
        List<CalicoRenderer.Pool> pools = new CalicoRenderer().pools(spec, a);
        assertThat(pools).extracting(CalicoRenderer.Pool::name).containsExactly("hybrid-e1", "hybrid-e2");
        assertThat(pools).extracting(p -> p.cidr().toString()).containsExactly(a.find("e1").orElseThrow().block().toString(),
                a.find("e2").orElseThrow().block().toString());
        assertThat(pools.getFirst().nodeSelector()).isEqualTo(NodeLabels.HOST + " == \"e1\"");
    }

    @Test
    void bgpRoutingGivesEachSiteItsPodNetworks() {
        HybridCluster spec = spec(Cni.Plugin.CALICO, Cni.PodRouting.BGP, 26,
                List.of(new SiteShape("east", "192.168.1.0/24", List.of("10.200.0.0/24", "10.201.0.0/24"), List.of("e1")),
                        new SiteShape("west", "192.168.2.0/24", List.of("10.202.0.0/24"), List.of("w1"))));
        List<CalicoRenderer.Pool> pools = new CalicoRenderer().pools(spec, allocate(spec));
        assertThat(pools).extracting(CalicoRenderer.Pool::name).containsExactly("hybrid-east-0", "hybrid-east-1", "hybrid-west");
        assertThat(pools).extracting(CalicoRenderer.Pool::nodeSelector)
                .containsExactly(NodeLabels.SITE + " == \"east\"", NodeLabels.SITE + " == \"east\"", NodeLabels.SITE + " == \"west\"");
    }
}
