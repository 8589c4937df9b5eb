package io.hybridctl.fleet;

import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.PemCodec;

import java.security.cert.X509Certificate;

/** pki's PEM codec, unchecked, for tests that read certificates the server handed out. */
public final class TestPem {

    private TestPem() {
    }

    public static X509Certificate certificate(String pem) {
        try {
            return PemCodec.readX509(pem, "test certificate");
        } catch (PkiException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
