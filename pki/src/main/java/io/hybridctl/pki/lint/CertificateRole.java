package io.hybridctl.pki.lint;

/** Which IAM Roles Anywhere requirements a certificate is held to: the trust anchor's, or a node's. */
public enum CertificateRole {
    /** CA when self-signed or marked CA:true with keyCertSign, otherwise node. */
    AUTO,
    CA,
    NODE
}
