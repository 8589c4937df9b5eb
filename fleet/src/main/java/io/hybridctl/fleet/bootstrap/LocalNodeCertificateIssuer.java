package io.hybridctl.fleet.bootstrap;

import io.hybridctl.fleet.security.CertificateAuthority;
import io.hybridctl.fleet.security.Pem;

import java.time.Duration;

/** A CA in the server's data directory, to be registered as the IAM Roles Anywhere trust anchor. */
public final class LocalNodeCertificateIssuer implements NodeCertificateIssuer {

    private final CertificateAuthority ca;

    public LocalNodeCertificateIssuer(CertificateAuthority ca) {
        this.ca = ca;
    }

    @Override
    public String issue(String csrPem, String nodeName) {
        return Pem.write(ca.signClientCsr(Pem.csr(csrPem), nodeName, Duration.ofDays(90)));
    }

    @Override
    public String caCertificatePem() {
        return ca.certificatePem();
    }
}
