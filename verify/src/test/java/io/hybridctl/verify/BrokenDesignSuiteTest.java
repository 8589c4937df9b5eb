package io.hybridctl.verify;

import io.hybridctl.plan.intent.Direction;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.intent.RouterConfig;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.verify.flows.Finding;
import io.hybridctl.verify.flows.FlowResult;
import io.hybridctl.verify.flows.VerifyOptions;
import io.hybridctl.verify.report.TextReport;
import io.hybridctl.verify.report.VerifyReport;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliberately broken designs. Each must fail exactly the flows the documentation predicts for its mistake (no
 * more: the correct design it is derived from passes), with the right explanation code.
 */
class BrokenDesignSuiteTest {

    private static final Set<String> POD_CIDR_FROM_VPC = Set.of("pod-to-apiserver", "apiserver-to-webhook", "pod-to-coredns", "cloud-pod-to-hybrid-pod");

    static Verifier.Request request(String design) {
        try {
            Path file = Path.of(BrokenDesignSuiteTest.class.getResource("/designs/" + design).toURI());
            LoadResult load = new SpecLoader().load(file);
            List<Diagnostic> errors = load.diagnostics().stream().filter(Diagnostic::isError).toList();
            Verifier.Request r = Verifier.Request.of(load.spec().orElseThrow());
            return new Verifier.Request(r.spec(), errors, r.lockFile(), r.observed(), r.options(), r.intentOverride());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static VerifyReport verify(Verifier.Request r) {
        try {
            return new Verifier().run(r).report();
        } catch (io.hybridctl.verify.observed.ObservedStateException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> failing(VerifyReport r) {
        return r.flows().stream().filter(f -> !f.passed()).map(f -> f.definition().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> codes(VerifyReport r) {
        return r.flows().stream().flatMap(f -> f.findings().stream()).map(x -> x.explanation().code()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertBaselinePasses(String design) {
        VerifyReport base = verify(request(design));
        assertThat(base.passed()).as(new TextReport(3).render(base)).isTrue();
    }

    private static VerifyReport broken(String design, UnaryOperator<NetworkIntent> edit) {
        return verify(request(design).withIntent(edit));
    }

    @Test
    void correctBaselinesPass() {
        assertBaselinePasses("static-calico.yaml");
        assertBaselinePasses("bgp-cilium.yaml");
        assertBaselinePasses("unroutable.yaml");
    }

    @Test
    void vpcRouteForThePodCidrMissing() {
        VerifyReport r = broken("bgp-cilium.yaml", i -> IntentEdits.withoutVpcRoutes(i, v -> i.remotePodNetworks().contains(v.destination())));
        assertThat(failing(r)).isEqualTo(POD_CIDR_FROM_VPC);
        assertThat(codes(r)).containsExactly("NO_ROUTE_TO_DESTINATION");
        Finding webhook = findings(r, "apiserver-to-webhook").get(0);
        assertThat(webhook.verdict()).isEqualTo("NO_ROUTE");
        assertThat(webhook.trace().orElseThrow().lastHop().node()).startsWith("rtb/");
        assertThat(webhook.explanation().symptom()).contains("webhooks");
    }

    @Test
    void securityGroupMissing443FromThePodCidr() {
        VerifyReport r = broken("bgp-cilium.yaml", i -> IntentEdits.withoutSecurityGroupRules(i,
                s -> s.direction() == Direction.INBOUND && i.remotePodNetworks().contains(s.cidr())));
        assertThat(failing(r)).containsExactly("pod-to-apiserver");
        assertThat(codes(r)).containsExactly("SG_RULES_MISMATCH");
        assertThat(findings(r, "pod-to-apiserver")).allMatch(f -> f.verdict().equals("DENIED_IN") && !f.reply());
        assertThat(findings(r, "pod-to-apiserver").get(0).explanation().remediation()).contains("inbound rule tcp/443");
    }

    @Test
    void vpnSelectorsWithoutThePodCidr() {
        VerifyReport r = verify(request("selectors-without-pods.yaml"));
        assertThat(failing(r)).isEqualTo(POD_CIDR_FROM_VPC);
        assertThat(codes(r)).containsExactly("VPN_SELECTOR_MISMATCH");
        assertThat(r.notes()).anyMatch(n -> n.contains("DES018"));
    }

    @Test
    void routerMissingOneHostsStaticRoute() {
        VerifyReport r = broken("static-calico.yaml", i -> IntentEdits.withRouters(i, i.routers().stream().map(c -> {
            RouterConfig.StaticRouting s = (RouterConfig.StaticRouting) c;
            return (RouterConfig) new RouterConfig.StaticRouting(s.site(), s.routerAddress(), s.kind(), s.upstreamCidrs(),
                    s.routes().stream().filter(x -> !x.host().equals("node-02")).toList(), s.provenance());
        }).toList()));
        assertThat(failing(r)).isEqualTo(POD_CIDR_FROM_VPC);
        assertThat(codes(r)).containsExactly("ROUTER_ROUTE_MISSING");
        assertThat(r.flows().stream().flatMap(f -> f.findings().stream()))
                .allMatch(f -> f.destination().contains("node-02") || f.source().contains("node-02"));
    }

    @Test
    void bgpAsnMismatch() {
        VerifyReport r = broken("bgp-cilium.yaml", i -> IntentEdits.withRouters(i, i.routers().stream().map(c -> {
            RouterConfig.BgpRouting b = (RouterConfig.BgpRouting) c;
            return (RouterConfig) new RouterConfig.BgpRouting(b.site(), b.routerAddress(), b.kind(), b.upstreamCidrs(), 65099, b.neighbors(),
                    b.acceptedPrefixes(), b.acceptedMaxLength(), b.provenance());
        }).toList()));
        Set<String> expected = new TreeSet<>(POD_CIDR_FROM_VPC);
        expected.add("node-to-bgp-peer");
        assertThat(failing(r)).isEqualTo(expected);
        assertThat(codes(r)).containsExactly("BGP_SESSION_DOWN");
        assertThat(findings(r, "node-to-bgp-peer")).allMatch(f -> f.verdict().equals("NOT_ESTABLISHED"))
                .anyMatch(f -> f.explanation().detail().contains("ASN_MISMATCH"));
    }

    @Test
    void firewallDropping10250() {
        VerifyReport base = verify(request("bgp-cilium-firewall.yaml"));
        VerifyReport r = verify(request("bgp-cilium-firewall.yaml").withIntent(i -> IntentEdits.withoutFirewallRules(i,
                f -> f.ports().from() == 10250 && f.reason().contains("kubelet"))));
        assertThat(failing(r)).isEqualTo(union(failing(base), Set.of("apiserver-to-kubelet")));
        assertThat(failing(base)).doesNotContain("apiserver-to-kubelet");
        assertThat(findings(r, "apiserver-to-kubelet")).allMatch(f -> f.explanation().code().equals("FIREWALL_DENY") && f.verdict().equals("DENIED_IN"));
    }

    @Test
    void loadBalancerRangeOutsideTheNodeNetwork() {
        VerifyReport r = verify(request("lb-outside.yaml"));
        assertThat(failing(r)).containsExactly("lb-from-onprem");
        assertThat(codes(r)).containsExactly("LB_RANGE_OUTSIDE_NODE_NETWORK");
    }

    @Test
    void webhooksWithUnroutablePods() {
        VerifyReport r = verify(request("unroutable.yaml").withOptions(new VerifyOptions(true)));
        assertThat(failing(r)).containsExactly("apiserver-to-webhook");
        assertThat(codes(r)).containsExactly("POD_CIDR_UNROUTABLE");
    }

    @Test
    void overlappingPodCidrsAcrossSitesDoNotCrashAndAreNamed() {
        VerifyReport r = verify(request("overlapping-pods.yaml"));
        assertThat(r.notes()).anyMatch(n -> n.contains("EKS003"));
        assertThat(failing(r)).contains("apiserver-to-webhook");
        assertThat(findings(r, "apiserver-to-webhook")).extracting(f -> f.explanation().code()).containsOnly("OVERLAPPING_ADDRESSES");
    }

    private static List<Finding> findings(VerifyReport r, String flow) {
        return r.flows().stream().filter(f -> f.definition().name().equals(flow)).map(FlowResult::findings).findFirst().orElseThrow();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
