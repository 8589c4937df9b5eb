package io.hybridctl.lab.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightTest {

    @Test
    void notRootAndMissingDaemonsAreReportedWithTheDebianPackageToInstall(@TempDir Path root) throws Exception {
        Path ip = root.resolve("usr/sbin/ip");
        Files.createDirectories(ip.getParent());
        Files.createFile(ip, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> problems = new Preflight(root, false).problems(List.of(Preflight.IP, Preflight.GOBGPD, Preflight.BGPD));
        assertThat(problems).anyMatch(p -> p.contains("must run as root"));
        assertThat(problems).anyMatch(p -> p.contains("/usr/bin/gobgpd") && p.contains("gobgpd"));
        assertThat(problems).anyMatch(p -> p.contains("/usr/lib/frr/bgpd") && p.contains("package frr"));
        assertThat(problems).contains("fix: apt-get install -y gobgpd frr");
        assertThat(problems).noneMatch(p -> p.contains("/usr/sbin/ip"));
    }

    @Test
    void nothingToReportWhenRootWithEveryTool(@TempDir Path root) throws Exception {
        Path ip = root.resolve("usr/sbin/ip");
        Files.createDirectories(ip.getParent());
        Files.createFile(ip, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(new Preflight(root, true).problems(List.of(Preflight.IP))).isEmpty();
    }
}
