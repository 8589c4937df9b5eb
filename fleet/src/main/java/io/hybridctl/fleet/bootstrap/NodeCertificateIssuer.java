package io.hybridctl.fleet.bootstrap;

/**
 * Issues IAM Roles Anywhere node certificates from a CSR the host made (its key stays on the host). The pki module's
 * CA can be adapted behind this port; {@link LocalNodeCertificateIssuer} is the built-in one.
 */
public interface NodeCertificateIssuer {

    /** @return the certificate PEM with CN = nodeName */
    String issue(String csrPem, String nodeName);

    String caCertificatePem();
}
