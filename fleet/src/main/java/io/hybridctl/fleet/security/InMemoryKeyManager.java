package io.hybridctl.fleet.security;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * Presents one key and certificate chain as the TLS client identity. A PKCS#12 key store would encrypt the key with
 * PBKDF2 on the way in and decrypt it on the way out (milliseconds of CPU per context) to protect a key that
 * never leaves memory; this skips that.
 */
final class InMemoryKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "agent";
    private final PrivateKey key;
    private final X509Certificate[] chain;

    InMemoryKeyManager(PrivateKey key, X509Certificate... chain) {
        this.key = key;
        this.chain = chain.clone();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    private String choose(String[] keyTypes) {
        if (keyTypes == null) {
            return null;
        }
        for (String t : keyTypes) {
            if (matches(t)) {
                return ALIAS;
            }
        }
        return null;
    }

    /** Key types arrive as "EC", "RSA", or TLS 1.2 forms like "EC_EC"; the key's algorithm must lead. */
    private boolean matches(String keyType) {
        return keyType != null && (keyType.equals(key.getAlgorithm()) || keyType.startsWith(key.getAlgorithm() + "_"));
    }
}
