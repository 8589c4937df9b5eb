package io.hybridctl.fleet.security;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/** In-memory key and trust stores: no keystore file, so no keystore password, ever touches disk. */
public final class TlsContexts {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    public static KeyStore keyStore(PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("key", key, IN_MEMORY, chain);
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build key store", e);
        }
    }

    public static KeyStore trustStore(X509Certificate... anchors) {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            int i = 0;
            for (Certificate c : anchors) {
                ts.setCertificateEntry("ca" + i++, c);
            }
            return ts;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build trust store", e);
        }
    }

    public static char[] keyStorePassword() {
        return IN_MEMORY.clone();
    }

    /** A client context: trusts only the given CA, presents the key and certificate if given. */
    public static SSLContext client(X509Certificate trustedCa, PrivateKey key, X509Certificate cert) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore(trustedCa));
            KeyManager[] keys = key == null ? null : new KeyManager[] {new InMemoryKeyManager(key, cert)};
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build TLS context", e);
        }
    }
}
