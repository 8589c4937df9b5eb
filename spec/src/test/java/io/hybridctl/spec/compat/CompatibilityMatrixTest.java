package io.hybridctl.spec.compat;

import io.hybridctl.spec.model.Cni;
import io.hybridctl.spec.model.Host;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompatibilityMatrixTest {

    final CompatibilityMatrix m = CompatibilityMatrix.bundled();

    @Test
    void osTablesMatchTheAwsMatrix() {
        assertThat(m.os(Host.Os.UBUNTU, "22.04")).hasValueSatisfying(r -> assertThat(r.iamRolesAnywhere()).isTrue());
        assertThat(m.os(Host.Os.UBUNTU, "20.04")).hasValueSatisfying(r -> assertThat(r.iamRolesAnywhere()).isFalse());
        assertThat(m.os(Host.Os.RHEL, "8.10")).hasValueSatisfying(r -> assertThat(r.iamRolesAnywhere()).isFalse());
        assertThat(m.os(Host.Os.RHEL, "9.4")).isPresent();
        assertThat(m.os(Host.Os.UBUNTU, "18.04")).isEmpty();
        assertThat(m.os(Host.Os.BOTTLEROCKET, "1.36.9")).isEmpty();
        assertThat(m.os(Host.Os.BOTTLEROCKET, "1.37.0")).isPresent();
    }

    @Test
    void cilium118HasAKernelFloor() {
        assertThat(m.kernelFloor(Cni.Plugin.CILIUM, "1.18.3")).contains("5.10");
        assertThat(m.kernelFloor(Cni.Plugin.CILIUM, "1.17.6")).isEmpty();
        assertThat(Versions.compare("5.4", "5.10")).isNegative();
        assertThat(Versions.compare("1.18", "1.18.0")).isZero();
    }
}
