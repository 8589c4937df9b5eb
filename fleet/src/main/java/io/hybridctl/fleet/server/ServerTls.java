package io.hybridctl.fleet.server;

import io.hybridctl.fleet.security.TlsContexts;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.PemCodec;
import io.hybridctl.pki.ca.TlsKeys;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's TLS: a serving certificate issued by the agent CA at each start (a fresh key, never on disk), TLS 1.2
 * and 1.3, and client certificates wanted (not needed), so one port serves browsers, the CLI and mTLS agents.
 */
final class ServerTls {

    /** At most 397 days, the CA/Browser Forum's limit, so browsers accept it once the CA is trusted. */
    private static final Duration SERVING_VALIDITY = Duration.ofDays(397);

    private ServerTls() {
    }

    static SslContextFactory.Server context(CertificateAuthority agentCa, List<String> extraNames, Clock clock) {
        KeyPair serverKey = TlsKeys.newKeyPair();
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        names.addAll(extraNames);
        X509Certificate caCert = PemCodec.x509(agentCa.certificate());
        X509Certificate serverCert = PemCodec.x509(agentCa.issueServer(serverKey.getPublic(), names, SERVING_VALIDITY, clock));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(TlsContexts.keyStore(serverKey.getPrivate(), serverCert, caCert));
        ssl.setKeyStorePassword(new String(TlsContexts.keyStorePassword()));
        ssl.setTrustStore(TlsContexts.trustStore(caCert));
        ssl.setWantClientAuth(true);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return ssl;
    }
}
