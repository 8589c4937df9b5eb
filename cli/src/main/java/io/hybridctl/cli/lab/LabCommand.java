package io.hybridctl.cli.lab;

import io.hybridctl.cli.UserError;
import io.hybridctl.lab.check.LabTestReport;
import io.hybridctl.lab.check.LabTester;
import io.hybridctl.lab.fault.Fault;
import io.hybridctl.lab.fault.FaultInjector;
import io.hybridctl.lab.fault.FaultReport;
import io.hybridctl.lab.lifecycle.Teardown;
import io.hybridctl.lab.run.Lab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.LabException;
import io.hybridctl.lab.topology.LabName;
import io.hybridctl.lab.topology.LabTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hybridctl lab}: runs a design in network namespaces with FRR, GoBGP and nftables, probes every required
 * flow and compares what happens with verify's static verdicts. Needs root; touches only namespaces named hl-LAB-*.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Emulate the hybrid network on this machine (network namespaces, FRR, GoBGP, nftables) and prove the design works.",
                "Needs root. Everything it creates is named hl-<lab>-* and never connected to the machine's own network.",
                "Exit 0: every flow agrees with the static verdict; 1: a disagreement or a lab problem; 2: bad usage or missing packages; 3: internal error."},
        subcommands = {LabCommand.Up.class, LabCommand.Test.class, LabCommand.FaultCmd.class, LabCommand.Down.class,
                LabCommand.Run.class})
public final class LabCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Build the lab and leave it running.")
    static final class Up implements Callable<Integer> {
        @Mixin
        LabOptions options;

        @Option(names = "--force", description = "Remove what a previous lab of this name left, then build.")
        boolean force;

        @Override
        public Integer call() {
            return options.guard(() -> {
                Starting s = Starting.announce(options);
                Lab.UpReport report = s.lab().up(s.design(), force, options.progress());
                Runtime.getRuntime().removeShutdownHook(s.hook());
                s.out().printf(Locale.ROOT, "lab %s is up (BGP converged in %.2f s). Next: hybridctl lab test -f %s%n", s.design().name(),
                        report.convergence().millis() / 1000.0, options.file);
                return 0;
            });
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Probe every flow of the catalogue in the running lab; print observed next to the static verdict.")
    static final class Test implements Callable<Integer> {
        @Mixin
        LabOptions options;

        @Override
        public Integer call() {
            return options.guard(() -> {
                LabDesign design = options.design();
                Lab lab = options.lab();
                requireUp(lab, design);
                LabTestReport report = new LabTester(lab, lab.catalogue()).testWhenConverged(design);
                report.print(options.out());
                return report.passed() ? 0 : 1;
            });
        }
    }

    @Command(name = "fault", mixinStandardHelpOptions = true,
            description = {"Break the running lab on purpose and report detection, withdrawal and which flows fail; --restore undoes every fault.",
                    "Kinds: speaker --host H | vpn --site S | firewall --site S [--rule TEXT] | static-route --host H | site --site S."})
    static final class FaultCmd implements Callable<Integer> {
        @Mixin
        LabOptions options;

        @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "KIND",
                description = "The kind of fault: speaker, vpn, firewall, static-route or site.")
        String kind;

        @Option(names = "--host", paramLabel = "HOST", description = "The host (speaker, static-route).")
        String host;

        @Option(names = "--site", paramLabel = "SITE", description = "The site (vpn, firewall, site).")
        String site;

        @Option(names = "--rule", paramLabel = "TEXT", defaultValue = "API server to kubelet",
                description = "Text of the firewall rule to drop (default: '${DEFAULT-VALUE}').")
        String rule;

        @Option(names = "--restore", description = "Undo every fault in force and report recovery times.")
        boolean restore;

        @Override
        public Integer call() {
            return options.guard(() -> {
                LabDesign design = options.design();
                Lab lab = options.lab();
                requireUp(lab, design);
                FaultInjector injector = new FaultInjector(lab, design, new LabTester(lab, options.faultProbes()));
                if (restore) {
                    List<FaultReport.Recovery> recoveries = injector.restoreAll();
                    if (recoveries.isEmpty()) {
                        options.out().println("no fault in force");
                    }
                    recoveries.forEach(r -> r.print(options.out()));
                    return recoveries.stream().allMatch(FaultReport.Recovery::recovered) ? 0 : 1;
                }
                if (kind == null) {
                    throw new UserError(2, "say which fault (speaker, vpn, firewall, static-route, site) or --restore");
                }
                injector.inject(fault(design)).print(options.out());
                options.out().println("Undo with: hybridctl lab fault --restore -f " + options.file);
                return 0;
            });
        }

        private Fault fault(LabDesign design) {
            return switch (kind) {
                case "speaker" -> new Fault.StopSpeaker(need(host, "--host"));
                case "static-route" -> new Fault.RemoveStaticRoute(need(host, "--host"));
                case "vpn" -> new Fault.CutVpn(need(site, "--site"), firstHost(design, site));
                case "site" -> new Fault.SiteDown(need(site, "--site"), firstHost(design, site));
                case "firewall" -> new Fault.DropFirewallRule(need(site, "--site"), rule,
                        "api-to-kubelet/" + firstHost(design, site));
                default -> throw new UserError(2, "unknown fault '" + kind + "': use speaker, vpn, firewall, static-route or site");
            };
        }

        private static String need(String value, String option) {
            if (value == null || value.isBlank()) {
                throw new UserError(2, "this fault needs " + option);
            }
            return value;
        }

        private static String firstHost(LabDesign design, String site) {
            return design.topology().site(site).filter(s -> !s.hosts().isEmpty()).map(s -> s.hosts().getFirst().name())
                    .orElseThrow(() -> new UserError(2, "no site '" + site + "' with hosts in the spec; sites: "
                            + design.topology().sites().stream().map(LabTopology.SiteLab::name).toList()));
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Remove the lab: its processes (by PID) and namespaces, also after a crash of `lab up`.")
    static final class Down implements Callable<Integer> {
        @Mixin
        LabOptions options;

        @Override
        public Integer call() {
            return options.guard(() -> {
                LabName name = options.labName();
                Teardown.Removed removed = options.lab().down(name);
                options.out().println(removed.nothing() ? "lab " + name + ": nothing to remove"
                        : "lab " + name + ": removed " + removed.namespaces().size() + " namespaces and stopped "
                        + removed.processes().size() + " processes");
                return 0;
            });
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "up, test and down in one go (what CI runs).")
    static final class Run implements Callable<Integer> {
        @Mixin
        LabOptions options;

        @Option(names = "--force", description = "Remove what a previous lab of this name left first.")
        boolean force;

        @Override
        public Integer call() {
            return options.guard(() -> {
                Starting s = Starting.announce(options);
                long start = System.nanoTime();
                try {
                    Lab.UpReport up = s.lab().up(s.design(), force, options.progress());
                    s.out().printf(Locale.ROOT, "BGP converged %.2f s after the daemons started%n", up.convergence().millis() / 1000.0);
                    LabTestReport report = new LabTester(s.lab(), s.lab().catalogue()).testWhenConverged(s.design());
                    report.print(s.out());
                    return report.passed() ? 0 : 1;
                } finally {
                    s.lab().down(s.design().name());
                    Runtime.getRuntime().removeShutdownHook(s.hook());
                    s.out().printf(Locale.ROOT, "lab run took %.2f s%n", (System.nanoTime() - start) / 1e9);
                }
            });
        }
    }

    /** How `up` and `run` begin: the design and the lab, a summary line, and a hook that removes the lab on Ctrl-C. */
    private record Starting(LabDesign design, Lab lab, PrintWriter out, Thread hook) {
        static Starting announce(LabOptions options) {
            LabDesign design = options.design();
            Lab lab = options.lab();
            PrintWriter out = options.out();
            out.println("lab " + design.name() + ": " + summary(design.topology()));
            return new Starting(design, lab, out, options.cleanupOnInterrupt(lab, design.name()));
        }
    }

    static void requireUp(Lab lab, LabDesign design) {
        if (!lab.state(design.name()).exists()) {
            throw new LabException(LabException.Kind.STATE, "lab '" + design.name() + "' is not up: run `hybridctl lab up -f " + design.specFile() + "` first");
        }
    }

    static String summary(LabTopology t) {
        return t.sites().size() + " site(s), " + t.hosts().size() + " host(s), " + t.namespaces().size() + " namespaces";
    }
}
