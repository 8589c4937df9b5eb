package io.hybridctl.lab.lifecycle;

import io.hybridctl.lab.host.Shell;
import io.hybridctl.lab.topology.Bridge;
import io.hybridctl.lab.topology.InterfaceAddress;
import io.hybridctl.lab.topology.LabTopology;
import io.hybridctl.lab.topology.Netns;
import io.hybridctl.lab.topology.NamespaceRole;
import io.hybridctl.lab.topology.KernelRoute;
import io.hybridctl.lab.topology.Veth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the lab's namespaces, links, addresses and host routes with iproute2, one `ip -batch` per namespace and
 * phase so a 50-host lab needs a few hundred process starts, not thousands.
 */
public final class NetworkBuilder {

    private final Shell shell;
    private final Path workDir;

    public NetworkBuilder(Shell shell, Path workDir) {
        this.shell = shell;
        this.workDir = workDir;
    }

    /** Creates the namespaces; the caller records them before anything else happens, for Ctrl-C cleanup. */
    public void createNamespaces(List<Netns> namespaces) {
        List<String> lines = new ArrayList<>();
        for (Netns ns : namespaces) {
            lines.add("netns add " + ns.name());
        }
        batch(null, lines, "namespaces");
    }

    public void wire(LabTopology topology) {
        Map<String, List<String>> create = new LinkedHashMap<>();
        Map<String, List<String>> configure = new LinkedHashMap<>();
        Map<String, List<String>> route = new LinkedHashMap<>();
        for (Netns ns : topology.namespaces()) {
            create.put(ns.name(), new ArrayList<>());
            configure.put(ns.name(), new ArrayList<>(List.of("link set lo up")));
            route.put(ns.name(), new ArrayList<>());
        }
        for (Bridge bridge : topology.bridges()) {
            create.get(bridge.namespace()).add("link add " + bridge.name() + " type bridge");
        }
        Set<String> upDevices = new LinkedHashSet<>();
        for (Veth veth : topology.veths()) {
            // Both ends are born inside lab namespaces: `ip -n A link add X type veth peer name Y netns B`.
            create.get(veth.namespaceA()).add("link add " + veth.interfaceA() + " type veth peer name "
                    + veth.interfaceB() + " netns " + veth.namespaceB());
            upDevices.add(veth.namespaceA() + " " + veth.interfaceA());
            upDevices.add(veth.namespaceB() + " " + veth.interfaceB());
        }
        for (Bridge bridge : topology.bridges()) {
            for (String port : bridge.ports()) {
                configure.get(bridge.namespace()).add("link set " + port + " master " + bridge.name());
            }
            upDevices.add(bridge.namespace() + " " + bridge.name());
        }
        for (String device : upDevices) {
            String[] parts = device.split(" ");
            configure.get(parts[0]).add("link set " + parts[1] + " up");
        }
        for (InterfaceAddress address : topology.addresses()) {
            configure.get(address.namespace()).add("addr add " + address.cidr() + " dev " + address.device());
        }
        for (KernelRoute r : topology.routes()) {
            StringBuilder line = new StringBuilder("route add ").append(r.destination());
            r.via().ifPresent(v -> line.append(" via ").append(v));
            line.append(" dev ").append(r.device());
            r.source().ifPresent(s -> line.append(" src ").append(s));
            route.get(r.namespace()).add(line.toString());
        }
        create.forEach((ns, lines) -> batch(ns, lines, "links"));
        configure.forEach((ns, lines) -> batch(ns, lines, "addresses"));
        for (Netns ns : topology.namespaces()) {
            sysctls(ns);
        }
        route.forEach((ns, lines) -> batch(ns, lines, "routes"));
    }

    private void sysctls(Netns ns) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(), "sysctl", "-q", "-e", "-w"));
        // Each namespace has its own copy of these; the machine's own settings are untouched.
        // The VPC namespace also plays the transit gateway, which carries traffic between sites' VPNs.
        if (ns.role() == NamespaceRole.ROUTER || ns.role() == NamespaceRole.NODE || ns.role() == NamespaceRole.VPC) {
            command.add("net.ipv4.ip_forward=1");
        }
        command.add("net.ipv4.conf.all.rp_filter=0");
        command.add("net.ipv4.conf.default.rp_filter=0");
        command.add("net.ipv6.conf.all.disable_ipv6=1");
        if (ns.role() == NamespaceRole.ROUTER) {
            // Frames switched on the site LAN must not pass the router's IP firewall (they would with br_netfilter).
            command.add("net.bridge.bridge-nf-call-iptables=0");
        }
        shell.run(command);
    }

    private void batch(String namespace, List<String> lines, String phase) {
        if (lines.isEmpty()) {
            return;
        }
        Path file = workDir.resolve((namespace == null ? "root" : namespace) + "." + phase + ".ip");
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("ip"));
        if (namespace != null) {
            command.addAll(List.of("-n", namespace));
        }
        command.addAll(List.of("-batch", file.toString()));
        shell.run(command);
    }
}
