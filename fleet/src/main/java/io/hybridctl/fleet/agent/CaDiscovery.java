package io.hybridctl.fleet.agent;

import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.Fingerprints;
import io.hybridctl.pki.ca.PemCodec;
import org.bouncycastle.cert.X509CertificateHolder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * Trust on first use, pinned: fetch the server's CA over an unauthenticated TLS connection, then accept it only if its
 * SHA-256 equals the fingerprint the admin handed out with the token (the kubeadm discovery-token-ca-cert-hash idea).
 */
public final class CaDiscovery {

    private CaDiscovery() {
    }

    public static X509Certificate fetchPinned(String server, String fingerprint, com.fasterxml.jackson.databind.ObjectMapper json)
            throws IOException {
        String pin = fingerprint.toLowerCase(java.util.Locale.ROOT).replace("sha256:", "").replace(":", "");
        try (AgentClient client = new AgentClient(server, trustAnything(), json)) {
            AgentClient.Response r = client.get("/api/v1/ca.pem");
            if (!r.ok()) {
                throw new IOException("server answered " + r.status() + " for its CA certificate");
            }
            X509CertificateHolder ca;
            try {
                ca = PemCodec.readCertificate(r.body(), "the server's /api/v1/ca.pem");
            } catch (PkiException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (!Fingerprints.sha256(ca).equals(pin)) {
                throw new IOException("the server's CA does not match --ca-fingerprint; refusing to talk to it");
            }
            return PemCodec.x509(ca);
        }
    }

    private static SSLContext trustAnything() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] c, String a) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] c, String a) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
