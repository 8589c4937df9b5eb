package io.hybridctl.plan.emulator;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MotoServerTest {

    @Test
    void startsOnLoopbackAnswersTheCliAndStopsByPid() {
        long pid;
        try (MotoServer moto = MotoServer.start()) {
            pid = moto.pid();
            assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
            MotoServer.CliResult r = moto.aws("sts", "get-caller-identity");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).contains("\"Account\"");
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void theGuardRefusesEveryEndpointThatIsNotLoopback() {
        assertThat(LoopbackGuard.requireLoopback(URI.create("http://127.0.0.1:5000"))).isNotNull();
        assertThat(LoopbackGuard.requireLoopback(URI.create("http://[::1]:5000"))).isNotNull();
        assertThat(LoopbackGuard.requireLoopback(URI.create("http://localhost:5000"))).isNotNull();
        for (String real : new String[] {"https://cloudformation.us-west-2.amazonaws.com", "http://10.0.0.1:5000", "http://127.0.0.1.nip.io", "https://eks"}) {
            assertThatThrownBy(() -> LoopbackGuard.requireLoopback(URI.create(real))).as(real)
                    .isInstanceOf(AssertionError.class).hasMessageContaining("is not loopback");
        }
    }
}
