package io.hybridctl.plan.consumers;

import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.ArtifactPaths;
import io.hybridctl.plan.render.nodeadm.NodeConfigRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cni/install.sh and lb/install.sh run by bash against stand-ins for kubectl and helm (test resources stubs/) that
 * behave like the real ones where the scripts have gone wrong before: get and wait on a missing object fail at once
 * with NotFound (rc 1), apply of a kind whose CRD is not registered yet fails with "no matches for kind", and what a
 * chart's operator creates appears only some polls after helm returns. Every script must succeed on a first run and
 * on a re-run; Cilium nodes must end with the pod block plan assigned and without the pod-block taint.
 */
class InstallScriptsTest {

    @TempDir
    Path tmp;

    @Test
    void everyInstallScriptSucceedsOnAFirstRunAndAReRun() throws Exception {
        Path bin = stubs();
        ConsumerReport report = new ConsumerReport("bash + kubectl/helm stubs");
        for (Subjects.Subject s : Subjects.all()) {
            Path out = Files.createDirectories(tmp.resolve(s.name()));
            for (Artifact a : s.plan().artifacts().values()) {
                if (a.path().startsWith("cni/") || a.path().startsWith("lb/")) {
                    Path f = out.resolve(a.path());
                    Files.createDirectories(f.getParent());
                    Files.write(f, a.content());
                }
            }
            Path state = Files.createDirectories(tmp.resolve(s.name() + "-cluster"));
            List<io.hybridctl.plan.ipam.LockEntry> blocks = s.plan().lock().allocations();
            // Every host but the last has joined (tainted, as its NodeConfig registers it); the last joins later.
            for (int i = 0; i < blocks.size() - 1; i++) {
                node(state, "node-" + i, blocks.get(i).host(), s.spec().cni().plugin().name().equals("CILIUM"));
            }
            for (String script : List.of(ArtifactPaths.CNI_INSTALL, ArtifactPaths.LB_INSTALL)) {
                if (!s.plan().artifacts().containsKey(script)) {
                    continue;
                }
                String file = s.name() + "/" + script;
                report.checked(file);
                for (String run : List.of("first run", "re-run")) {
                    Programs.Result r = bash(bin, state, out.resolve(script));
                    if (r.exitCode() != 0) {
                        report.problem(file, run + " exit " + r.exitCode() + ": " + r.output().strip());
                    }
                }
            }
            if (s.spec().cni().plugin().name().equals("CILIUM")) {
                for (int i = 0; i < blocks.size() - 1; i++) {
                    String n = Files.readString(state.resolve("objects/node/node-" + i));
                    Path cn = state.resolve("objects/ciliumnode/node-" + i);
                    if (!Files.exists(cn) || !Files.readString(cn).contains("podCIDR=" + blocks.get(i).block())) {
                        report.problem(s.name() + "/cni/install.sh", "node-" + i + " (" + blocks.get(i).host() + ") has no CiliumNode with block " + blocks.get(i).block());
                    }
                    if (n.contains("taint=")) {
                        report.problem(s.name() + "/cni/install.sh", "node-" + i + " still carries the pod-block taint");
                    }
                }
                assertThat(state.resolve("objects/ciliumnode/node-" + (blocks.size() - 1))).as("a host that has not joined gets nothing yet").doesNotExist();
            }
        }
        report.assertClean();
    }

    /** The stubs refuse what the real tools refuse: the script of the first release would not get past its wait. */
    @Test
    void theStubsBehaveLikeKubectlForMissingObjects() throws Exception {
        Path bin = stubs();
        Path state = Files.createDirectories(tmp.resolve("empty"));
        Path script = tmp.resolve("old.sh");
        Files.writeString(script, "set -euo pipefail\nhelm upgrade --install cilium oci://x/cilium --version 1.18.3 --namespace kube-system\n"
                + "kubectl wait --for condition=established --timeout 5m crd/ciliumbgpclusterconfigs.cilium.io\necho reached\n");
        Programs.Result r = bash(bin, state, script);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output()).contains("NotFound").doesNotContain("reached");
        Path pool = tmp.resolve("pool.yaml");
        Files.writeString(pool, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: p\n");
        Files.writeString(script, "kubectl apply -f " + pool + "\n");
        assertThat(bash(bin, state, script).output()).contains("no matches for kind \"IPAddressPool\"");
    }

    private static void node(Path state, String name, String host, boolean tainted) throws IOException {
        Path dir = Files.createDirectories(state.resolve("objects/node"));
        Files.writeString(dir.resolve(name), "host=" + host + "\nuid=uid-" + name + "\n"
                + (tainted ? "taint=" + NodeConfigRenderer.POD_BLOCK_TAINT + "\n" : ""));
    }

    private Path stubs() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("kubectl", "helm")) {
            try (InputStream in = getClass().getResourceAsStream("/stubs/" + tool)) {
                Path f = bin.resolve(tool);
                Files.copy(in, f);
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return bin;
    }

    private static Programs.Result bash(Path bin, Path state, Path script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("STUB_STATE", state.toString());
        env.put("HYBRIDCTL_POLL_SECONDS", "0");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(script + " did not finish in 120 s");
        }
        return new Programs.Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
