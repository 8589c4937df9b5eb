package io.hybridctl.plan.consumers;

import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.Examples;
import io.hybridctl.plan.RenderedPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated router, firewall and VPN files of every example are loaded by the programs that consume them:
 * FRR (vtysh's config check plus the bgpd/staticd daemons' own dry run, which also catches semantic errors),
 * nftables (nft -c, in a private network namespace) and strongSwan (a charon started in private network, mount and
 * PID namespaces, loaded with swanctl --load-all). Each check is first shown to reject a broken file.
 */
class RealConsumersTest {

    private static final String VTYSH = "/usr/bin/vtysh";
    private static final String BGPD = "/usr/lib/frr/bgpd";
    private static final String STATICD = "/usr/lib/frr/staticd";
    private static final String NFT = "/usr/sbin/nft";
    private static final String SWANCTL = "/usr/sbin/swanctl";
    private static final String CHARON = "/usr/sbin/charon-systemd";

    private static final List<Artifact> ARTIFACTS = new ArrayList<>();

    @BeforeAll
    static void render() {
        for (Path e : Examples.all()) {
            RenderedPlan plan = Examples.plan(e);
            ARTIFACTS.addAll(plan.artifacts().values());
        }
    }

    private static List<Artifact> named(String suffix) {
        List<Artifact> out = ARTIFACTS.stream().filter(a -> a.path().endsWith(suffix)).toList();
        assertThat(out).as("artifacts *" + suffix).isNotEmpty();
        return out;
    }

    @Test
    void frrLoadsEveryRouterConfig() throws Exception {
        Programs.require(VTYSH, "frr");
        Programs.require(BGPD, "frr");
        assertThat(frrProblems("router bgp 65001\n neighbor 10.0.0.2 remote-as 65002\n address-family ipv4 unicast\n"
                + "  neighbor 10.0.0.2 route-reflector-client\n exit-address-family\n", true))
                .as("an eBGP route-reflector client is refused").isNotEmpty();
        for (Artifact a : named("/router/frr.conf")) {
            assertThat(frrProblems(a.text(), a.text().contains("router bgp"))).as(a.path()).isEmpty();
        }
    }

    private static String frrProblems(String config, boolean bgp) throws Exception {
        Path f = Programs.readableCopy(config, ".conf");
        try {
            Programs.Result syntax = Programs.run(List.of(VTYSH, "--dryrun", "-f", f.toString()), 30);
            StringBuilder problems = new StringBuilder();
            if (syntax.exitCode() != 0) {
                problems.append("vtysh: ").append(syntax.output());
            }
            Programs.Result daemon = Programs.run(List.of(bgp ? BGPD : STATICD, "--dryrun", "-f", f.toString(), "-u", "frr", "-g", "frr"), 30);
            daemon.output().lines().filter(l -> l.contains("[EC ") || l.startsWith("%")).forEach(l -> problems.append(l).append('\n'));
            return problems.toString();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void nftAcceptsEveryFirewallRuleset() throws Exception {
        Programs.require(NFT, "nftables");
        assertThat(nft("table inet t {\n chain c {\n  ip saddr @missing accept\n }\n}\n").exitCode()).as("a broken ruleset is refused").isNotZero();
        for (Artifact a : named("/firewall/rules.nft")) {
            Programs.Result r = nft(a.text());
            assertThat(r.exitCode()).as(a.path() + ": " + r.output()).isZero();
        }
    }

    private static Programs.Result nft(String ruleset) throws Exception {
        Path f = Programs.readableCopy(ruleset, ".nft");
        try {
            return Programs.run(Programs.unshare(List.of("--net"), List.of(NFT, "-c", "-f", f.toString())), 30);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void strongSwanLoadsEveryVpnConfig() throws Exception {
        Programs.require(SWANCTL, "strongswan-swanctl");
        Programs.require(CHARON, "charon-systemd");
        assertThat(swanctl("connections {\n a {\n  proposals = aes256-bogus-modp2048\n  children {\n   c {\n    local_ts = 10.0.0.0/24\n   }\n  }\n }\n}\n").exitCode())
                .as("a broken config is refused").isNotZero();
        for (Artifact a : named("/vpn/swanctl.conf")) {
            Programs.Result r = swanctl(a.text());
            assertThat(r.exitCode()).as(a.path() + ": " + r.output()).isZero();
            assertThat(r.output()).as(a.path()).contains("successfully loaded 2 connections");
        }
    }

    /** charon in fresh network, mount and PID namespaces: its sockets live on a private /run and it dies with the shell. */
    private static Programs.Result swanctl(String config) throws Exception {
        Path f = Programs.readableCopy(config, ".conf");
        String script = "mount -t tmpfs tmpfs /run && ip link set lo up && { " + CHARON + " >/dev/null 2>&1 & pid=$!; "
                + "for i in $(seq 100); do [ -S /run/charon.vici ] && break; sleep 0.05; done; "
                + SWANCTL + " --load-all --noprompt --file " + f + "; rc=$?; kill $pid; wait $pid; exit $rc; }";
        try {
            return Programs.run(Programs.unshare(List.of("--net", "--mount", "--pid", "--fork", "--kill-child"), List.of("sh", "-c", script)), 60);
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
