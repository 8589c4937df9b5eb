package io.hybridctl.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hybridctl.plan.design.Design;
import io.hybridctl.plan.design.DesignResult;
import io.hybridctl.plan.design.Designer;
import io.hybridctl.plan.intent.IpsecSelectors;
import io.hybridctl.plan.intent.LoadBalancerPool;
import io.hybridctl.plan.intent.NetworkIntent;
import io.hybridctl.plan.intent.ProvenanceLocator;
import io.hybridctl.plan.intent.RouterConfig;
import io.hybridctl.plan.ipam.Allocations;
import io.hybridctl.plan.render.Yaml;
import io.hybridctl.plan.render.addons.AddonRenderer;
import io.hybridctl.plan.render.cloudformation.CloudFormationRenderer;
import io.hybridctl.plan.render.cni.CalicoRenderer;
import io.hybridctl.plan.render.cni.CiliumRenderer;
import io.hybridctl.plan.render.cni.CniInstallScript;
import io.hybridctl.plan.render.docs.RunbookRenderer;
import io.hybridctl.plan.render.docs.TopologyRenderer;
import io.hybridctl.plan.render.eksctl.EksctlRenderer;
import io.hybridctl.plan.render.lb.LoadBalancerRenderer;
import io.hybridctl.plan.render.nodeadm.NodeConfigRenderer;
import io.hybridctl.plan.render.nodeadm.NodeCredentials;
import io.hybridctl.plan.render.nodeadm.RenderedNode;
import io.hybridctl.plan.render.site.FirewallRenderer;
import io.hybridctl.plan.render.site.FrrRenderer;
import io.hybridctl.plan.render.site.SwanctlRenderer;
import io.hybridctl.plan.render.site.VyosRenderer;
import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Credentials;
import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.model.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders the whole plan in memory: the design (pod blocks and network intent, from {@link Designer}), then every
 * artifact from the spec and that intent. Pure: no I/O, no clock, so the same inputs give byte-identical output.
 */
public final class Planner {

    public PlanOutcome plan(PlanInputs in) {
        HybridCluster spec = in.spec();
        DesignResult derived = Designer.derive(spec, in.lock());
        if (derived instanceof DesignResult.Refused r) {
            return new PlanOutcome.Refused(r.problems());
        }
        Design design = ((DesignResult.Derived) derived).design();
        Allocations allocations = design.allocations();
        NetworkIntent intent = design.intent();
        SortedMap<String, Artifact> out = new TreeMap<>();

        put(out, ArtifactPaths.EKSCTL, new EksctlRenderer().render(spec, in.caBundlePem()));
        CloudFormationRenderer cfn = new CloudFormationRenderer();
        // The new-VPC variant only for a VPC the spec asks to create; the existing-VPC variant always (it also lets a
        // new-VPC design be deployed into a VPC made some other way).
        if (spec.vpc() instanceof io.hybridctl.spec.model.Vpc.NewVpc) {
            put(out, ArtifactPaths.CFN_NEW_VPC, cfn.render(spec, intent, CloudFormationRenderer.Variant.NEW_VPC, in.caBundlePem()));
        }
        put(out, ArtifactPaths.CFN_EXISTING_VPC, cfn.render(spec, intent, CloudFormationRenderer.Variant.EXISTING_VPC, in.caBundlePem()));
        nodes(spec, in, out);
        cni(spec, intent, allocations, out);
        sites(spec, intent, out);
        loadBalancers(spec, intent, out);
        AddonRenderer addons = new AddonRenderer();
        put(out, ArtifactPaths.COREDNS_PATCH, addons.coreDnsPatch());
        put(out, ArtifactPaths.KUBE_DNS_PATCH, addons.kubeDnsPatch(spec.cluster().kubernetesVersion()));
        if (!spec.cni().podsRoutable()) {
            put(out, ArtifactPaths.WEBHOOK_PATCH, addons.webhookPatch());
        }
        put(out, ArtifactPaths.TOPOLOGY, new TopologyRenderer().render(spec, intent));
        put(out, ArtifactPaths.README, new RunbookRenderer().render(spec, intent, out.keySet(), in.activation().isPresent()));
        return new PlanOutcome.Rendered(new RenderedPlan(out, allocations.toLockFile(), ProvenanceLocator.locate(intent, out)));
    }

    private static void nodes(HybridCluster spec, PlanInputs in, SortedMap<String, Artifact> out) {
        NodeConfigRenderer renderer = new NodeConfigRenderer();
        NodeCredentials credentials = spec.credentials().provider() == Credentials.Provider.SSM
                ? new NodeCredentials.Ssm(in.activation())
                : in.iamRolesAnywhere().orElse(NodeCredentials.IamRolesAnywhere.fromStackOutputs(spec.credentials().roleArn()));
        // The per-host files are most of a large plan; render them on all cores, then insert in spec order.
        List<Host> hosts = spec.hosts().toList();
        List<RenderedNode> rendered = hosts.parallelStream().map(h -> renderer.render(spec, h, credentials)).toList();
        for (int i = 0; i < hosts.size(); i++) {
            Host h = hosts.get(i);
            RenderedNode n = rendered.get(i);
            out.put(ArtifactPaths.nodeConfig(h.name()), Artifact.text(ArtifactPaths.nodeConfig(h.name()), n.nodeConfig(),
                    n.nodeConfigHasSecret() ? Artifact.Mode.SECRET : Artifact.Mode.PUBLIC));
            out.put(ArtifactPaths.installScript(h.name()), Artifact.text(ArtifactPaths.installScript(h.name()), n.installScript(), Artifact.Mode.EXECUTABLE));
            String cert = in.nodeCertificates().get(h.name());
            if (cert != null) {
                put(out, ArtifactPaths.nodeCertificate(h.name()), cert);
            }
        }
    }

    private static void cni(HybridCluster spec, NetworkIntent intent, Allocations allocations, SortedMap<String, Artifact> out) {
        if (spec.cni().plugin() == Cni.Plugin.CILIUM) {
            CiliumRenderer cilium = new CiliumRenderer();
            put(out, ArtifactPaths.CILIUM_VALUES, cilium.values(spec));
            if (spec.cni().podRouting() == Cni.PodRouting.BGP) {
                put(out, ArtifactPaths.CILIUM_BGP, Yaml.writeAll(cilium.bgpResources(spec, intent)));
            }
        } else {
            CalicoRenderer calico = new CalicoRenderer();
            put(out, ArtifactPaths.CALICO_VALUES, calico.values(spec, allocations));
            put(out, ArtifactPaths.CALICO_IPPOOLS, Yaml.writeAll(calico.ipPools(spec, allocations)));
            if (spec.cni().podRouting() == Cni.PodRouting.BGP) {
                put(out, ArtifactPaths.CALICO_BGP, Yaml.writeAll(calico.bgpResources(spec, intent)));
            }
        }
        out.put(ArtifactPaths.CNI_INSTALL, Artifact.text(ArtifactPaths.CNI_INSTALL, new CniInstallScript().render(spec, allocations, out.keySet()), Artifact.Mode.EXECUTABLE));
    }

    private static void sites(HybridCluster spec, NetworkIntent intent, SortedMap<String, Artifact> out) {
        FrrRenderer frr = new FrrRenderer();
        VyosRenderer vyos = new VyosRenderer();
        for (RouterConfig r : intent.routers()) {
            put(out, ArtifactPaths.frr(r.site()), frr.render(spec.name(), r));
            put(out, ArtifactPaths.vyos(r.site()), vyos.render(spec.name(), r));
        }
        SwanctlRenderer swanctl = new SwanctlRenderer();
        for (IpsecSelectors s : intent.ipsec()) {
            int index = spec.sites().stream().filter(x -> x.name().equals(s.site())).findFirst().map(Site::index).orElse(0);
            put(out, ArtifactPaths.swanctl(s.site()), swanctl.render(spec.name(), s, index));
            out.put(ArtifactPaths.vpnUpdown(s.site()), Artifact.text(ArtifactPaths.vpnUpdown(s.site()), swanctl.updown(spec.name(), s, index), Artifact.Mode.EXECUTABLE));
            put(out, ArtifactPaths.vpnStrongswanConf(s.site()), swanctl.strongswanConf(s.site()));
        }
        FirewallRenderer fw = new FirewallRenderer();
        var bySite = intent.firewallRulesBySite();
        for (Site site : spec.sites()) {
            var rules = bySite.getOrDefault(site.name(), List.of());
            if (rules.isEmpty()) {
                continue;
            }
            put(out, ArtifactPaths.firewallMarkdown(site.name()), fw.markdown(spec.name(), site.name(), rules));
            put(out, ArtifactPaths.firewallCsv(site.name()), fw.csv(rules));
            put(out, ArtifactPaths.firewallNft(site.name()), fw.nftables(spec.name(), site.name(), rules));
        }
    }

    private static void loadBalancers(HybridCluster spec, NetworkIntent intent, SortedMap<String, Artifact> out) {
        LoadBalancerRenderer lb = new LoadBalancerRenderer();
        for (LoadBalancerPool p : intent.loadBalancerPools()) {
            List<ObjectNode> docs = new ArrayList<>(lb.pool(spec, p));
            put(out, ArtifactPaths.loadBalancer(p.site()), Yaml.writeAll(docs));
        }
        if (!intent.loadBalancerPools().isEmpty()) {
            if (intent.loadBalancerPools().stream().anyMatch(p -> p.type() == Site.LoadBalancerType.METALLB)) {
                put(out, ArtifactPaths.LB_METALLB_VALUES, lb.metallbValues(spec));
            }
            out.put(ArtifactPaths.LB_INSTALL, Artifact.text(ArtifactPaths.LB_INSTALL, lb.installScript(spec, intent.loadBalancerPools()), Artifact.Mode.EXECUTABLE));
        }
        if (spec.cni().podsRoutable()) {
            put(out, ArtifactPaths.LB_ALBC_VALUES, lb.albcValues(spec));
            put(out, ArtifactPaths.LB_ALBC_NOTES, lb.albcNotes(spec));
        }
    }

    private static void put(SortedMap<String, Artifact> out, String path, String content) {
        out.put(path, Artifact.text(path, content, Artifact.Mode.PUBLIC));
    }

}
