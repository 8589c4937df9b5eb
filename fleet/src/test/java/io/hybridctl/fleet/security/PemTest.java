package io.hybridctl.fleet.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemTest {

    @Test
    void privateKeysRoundTrip() {
        KeyPair kp = CertificateAuthority.newKeyPair();
        assertThat(Pem.privateKey(Pem.write(kp.getPrivate())).getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    @Test
    void aCaIsReopenedWithTheSameKeyAndItsKeyFileIsPrivate(@TempDir Path dir) throws Exception {
        CertificateAuthority first = CertificateAuthority.openOrCreate(dir, "test CA");
        CertificateAuthority again = CertificateAuthority.openOrCreate(dir, "test CA");
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key")))).isEqualTo("rw-------");
        KeyPair kp = CertificateAuthority.newKeyPair();
        again.issueServer(kp.getPublic(), "x", java.util.List.of("localhost")).verify(first.certificate().getPublicKey());
    }

    @Test
    void garbageIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("c2VjcmV0");
        assertThatThrownBy(() -> Pem.csr("not pem")).isInstanceOf(IllegalArgumentException.class);
    }
}
