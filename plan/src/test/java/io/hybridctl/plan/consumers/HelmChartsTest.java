package io.hybridctl.plan.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.net.Prefix;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.TestSpecs;
import io.hybridctl.plan.render.cni.HybridAffinity;
import io.hybridctl.spec.model.Cni;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Helm values file plan writes is rendered by real Helm (embedded by helm-java) with the real chart from
 * shared/reference/charts, which also applies the chart's values.schema.json to the merged values. Then two checks a
 * schema cannot make: every key we set is one the chart reads (in its values.yaml, or referenced as .Values.x by a
 * template), and the rendered objects carry the hybrid placement and the settings the values meant.
 */
class HelmChartsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> CILIUM_CHARTS = List.of("cilium-1.17.13", "cilium-1.18.3", "cilium-1.19.4");
    private static final List<String> CALICO_CHARTS = List.of("tigera-operator-v3.29.2", "tigera-operator-v3.31.3");

    @TempDir
    static Path charts;

    @Test
    void everyValuesFileRendersWithTheRealChartAndMeansWhatItSays() throws Exception {
        ConsumerReport report = new ConsumerReport("helm (helm-java) + charts");
        try (EmptyKubeApi api = EmptyKubeApi.start()) {
            render(report);
        }
        report.assertClean();
    }

    private void render(ConsumerReport report) throws Exception {
        for (Subjects.Subject s : Subjects.all()) {
            Map<String, Artifact> a = s.plan().artifacts();
            if (a.containsKey(ArtifactPaths.CILIUM_VALUES)) {
                for (String chart : CILIUM_CHARTS) {
                    check(report, s, a.get(ArtifactPaths.CILIUM_VALUES), chart, "kube-system", (docs, problems) -> cilium(s, docs, problems));
                }
            }
            if (a.containsKey(ArtifactPaths.CALICO_VALUES)) {
                for (String chart : CALICO_CHARTS) {
                    check(report, s, a.get(ArtifactPaths.CALICO_VALUES), chart, "tigera-operator", (docs, problems) -> calico(docs, problems));
                }
            }
            if (a.containsKey(ArtifactPaths.LB_METALLB_VALUES)) {
                check(report, s, a.get(ArtifactPaths.LB_METALLB_VALUES), "metallb-0.16.1", "metallb-system", (docs, problems) -> metallb(s, docs, problems));
            }
            if (a.containsKey(ArtifactPaths.LB_ALBC_VALUES)) {
                check(report, s, a.get(ArtifactPaths.LB_ALBC_VALUES), "aws-load-balancer-controller-3.5.0", "kube-system", (docs, problems) -> albc(s, docs, problems));
            }
        }
    }

    /** A key the chart never reads is caught even when its schema allows unknown keys. */
    @Test
    void theKeyCheckCatchesAKeyTheChartIgnores() throws Exception {
        Path chart = chart("metallb-0.16.1");
        JsonNode ours = YAML.readTree("speaker:\n  affinty: {}\ncontroler:\n  affinity: {}\n");
        assertThat(unreadKeys(ours, chart)).containsExactlyInAnyOrder("speaker.affinty", "controler");
        assertThat(unreadKeys(YAML.readTree("speaker:\n  affinity:\n    nodeAffinity: {}\n"), chart)).isEmpty();
    }

    interface Expectations {
        void check(List<JsonNode> docs, List<String> problems);
    }

    private void check(ConsumerReport report, Subjects.Subject s, Artifact values, String chartName, String namespace, Expectations expectations) throws Exception {
        String file = s.name() + "/" + values.path() + " @ " + chartName;
        report.checked(file);
        Path chart = chart(chartName);
        Path v = Files.createTempFile(charts, "values-", ".yaml");
        Files.write(v, values.content());
        List<String> problems = new ArrayList<>();
        for (String key : unreadKeys(YAML.readTree(values.text()), chart)) {
            problems.add("key " + key + " is not read by the chart");
        }
        String rendered;
        try {
            rendered = new Helm(chart).template().withName("hybridctl").withNamespace(namespace)
                    .withKubeVersion(s.spec().cluster().kubernetesVersion() + ".0").withValuesFile(v).call();
        } catch (RuntimeException e) {
            report.problem(file, "helm template failed: " + e.getMessage());
            return;
        }
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && d.has("kind")) {
                    docs.add(d);
                }
            }
        }
        if (docs.isEmpty()) {
            problems.add("rendered nothing");
        } else {
            expectations.check(docs, problems);
        }
        report.problems(file, problems);
    }

    // ---- what the rendered objects must say ---------------------------------------------------------------------

    private static void cilium(Subjects.Subject s, List<JsonNode> docs, List<String> problems) {
        affinity(docs, "DaemonSet", "cilium", "In", problems);
        affinity(docs, "Deployment", "cilium-operator", "In", problems);
        JsonNode ds = find(docs, "DaemonSet", "cilium");
        if (ds != null) {
            for (JsonNode t : ds.at("/spec/template/spec/tolerations")) {
                if (t.path("key").asText("").isEmpty() && "Exists".equals(t.path("operator").asText())) {
                    problems.add("the cilium agent tolerates every taint, the pod-block taint included");
                }
            }
        }
        JsonNode cm = find(docs, "ConfigMap", "cilium-config");
        if (cm == null) {
            problems.add("no ConfigMap cilium-config");
            return;
        }
        JsonNode d = cm.path("data");
        Cni cni = s.spec().cni();
        expect(d, "ipam", "cluster-pool", problems);
        expect(d, "cluster-pool-ipv4-mask-size", Integer.toString(cni.nodeBlockSize()), problems);
        List<Prefix> pool = new ArrayList<>();
        for (String c : d.path("cluster-pool-ipv4-cidr").asText().trim().split("\\s+")) {
            pool.add(TestSpecs.p(c));
        }
        s.spec().sites().forEach(site -> site.podNetworks().forEach(p -> {
            if (pool.stream().noneMatch(c -> c.contains(p))) {
                problems.add("cluster-pool-ipv4-cidr " + pool + " does not cover pod network " + p);
            }
        }));
        expect(d, "enable-ipv4-masquerade", Boolean.toString(!cni.podsRoutable()), problems);
        expect(d, "enable-service-topology", "true", problems);
        if (cni.podRouting() == Cni.PodRouting.BGP || d.has("enable-bgp-control-plane")) {
            expect(d, "enable-bgp-control-plane", Boolean.toString(cni.podRouting() == Cni.PodRouting.BGP), problems);
        }
        expect(d, "external-envoy-proxy", "false", problems);
    }

    private static void calico(List<JsonNode> docs, List<String> problems) {
        JsonNode inst = find(docs, "Installation", "default");
        if (inst == null) {
            problems.add("no Installation default");
            return;
        }
        if (inst.at("/spec/calicoNetwork/ipPools").isEmpty()) {
            problems.add("Installation has no ipPools");
        }
        for (String c : List.of("calicoNodeDaemonSet", "typhaDeployment", "calicoKubeControllersDeployment", "csiNodeDriverDaemonSet")) {
            if (!"hybrid".equals(inst.at("/spec/" + c + "/spec/template/spec/nodeSelector").path(HybridAffinity.COMPUTE_TYPE).asText())) {
                problems.add("Installation " + c + " is not pinned to hybrid nodes");
            }
        }
    }

    private static void metallb(Subjects.Subject s, List<JsonNode> docs, List<String> problems) {
        affinity(docs, "DaemonSet", "hybridctl-metallb-speaker", "In", problems);
        affinity(docs, "Deployment", "hybridctl-metallb-controller", s.spec().cni().podsRoutable() ? "In" : "NotIn", problems);
    }

    private static void albc(Subjects.Subject s, List<JsonNode> docs, List<String> problems) {
        affinity(docs, "Deployment", "hybridctl-aws-load-balancer-controller", "NotIn", problems);
        JsonNode dep = find(docs, "Deployment", "hybridctl-aws-load-balancer-controller");
        if (dep != null && !dep.at("/spec/template/spec/containers/0/args").toString().contains("--cluster-name=" + s.spec().name())) {
            problems.add("controller args lack --cluster-name=" + s.spec().name());
        }
    }

    private static void affinity(List<JsonNode> docs, String kind, String name, String operator, List<String> problems) {
        JsonNode o = find(docs, kind, name);
        if (o == null) {
            problems.add("no " + kind + " " + name);
            return;
        }
        JsonNode expr = o.at("/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0");
        if (!HybridAffinity.COMPUTE_TYPE.equals(expr.path("key").asText()) || !operator.equals(expr.path("operator").asText())
                || !"hybrid".equals(expr.path("values").path(0).asText())) {
            problems.add(kind + " " + name + " lacks the " + operator + " hybrid node affinity: " + expr);
        }
    }

    private static void expect(JsonNode data, String key, String value, List<String> problems) {
        if (!value.equals(data.path(key).asText(null))) {
            problems.add("cilium-config " + key + " = " + data.path(key).asText(null) + ", expected " + value);
        }
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.at("/metadata/name").asText())).findFirst().orElse(null);
    }

    // ---- does the chart read the key? ---------------------------------------------------------------------------

    /** Dotted paths of our keys that neither the chart's values.yaml nor any template (as .Values.path) knows. */
    static List<String> unreadKeys(JsonNode ours, Path chart) throws IOException {
        JsonNode defaults = YAML.readTree(chart.resolve("values.yaml").toFile());
        StringBuilder templates = new StringBuilder();
        try (Stream<Path> files = Files.walk(chart.resolve("templates"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                templates.append(Files.readString(f)).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        walk(ours, defaults, "", templates.toString(), out);
        return out;
    }

    private static void walk(JsonNode ours, JsonNode defaults, String prefix, String templates, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = ours.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode def = defaults == null ? null : defaults.get(e.getKey());
            boolean known = def != null || templates.contains(".Values." + path);
            if (!known) {
                out.add(path);
            } else if (e.getValue().isObject() && def != null && def.isObject() && !def.isEmpty() && !passedWhole(templates, path)) {
                walk(e.getValue(), def, path, templates, out);
            }
            // an empty map, a list or a scalar in the defaults is free-form there: the chart passes it through
        }
    }

    /** A template that hands the whole value on (toYaml, omit, or with ... then toYaml .) reads every key under it. */
    private static boolean passedWhole(String templates, String path) {
        String v = "\\.Values\\." + java.util.regex.Pattern.quote(path);
        return java.util.regex.Pattern.compile("(toYaml|omit)\\s+" + v + "(?![\\w.])|with\\s+" + v + "\\s*-?}}").matcher(templates).find();
    }

    private static synchronized Path chart(String name) throws IOException, InterruptedException {
        Path dir = charts.resolve(name);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Path tgz = Examples.reference().resolve("charts/" + name + ".tgz");
            Process p = new ProcessBuilder("tar", "-xzf", tgz.toString(), "-C", dir.toString()).inheritIO().start();
            assertThat(p.waitFor()).as("tar -xzf " + tgz).isZero();
            // tigera-operator's archive links crds/calico into the Calico source tree, which it does not contain.
            p = new ProcessBuilder("find", dir.toString(), "-xtype", "l", "-delete").inheritIO().start();
            assertThat(p.waitFor()).isZero();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
