package io.hybridctl.pki.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Key types IAM Roles Anywhere accepts (RSA with PKCS#1 v1.5 signatures, or ECDSA). P-384 is the default, as in the
 * aws/eks-hybrid e2e certificates; RSA is there for PKIs that require it.
 */
public enum KeyAlgorithm {
    EC_P384("ec-p384"), RSA_3072("rsa-3072"), RSA_4096("rsa-4096");

    private final String id;

    KeyAlgorithm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static KeyAlgorithm parse(String id) {
        for (KeyAlgorithm a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown key type '" + id + "'; use one of "
                + Arrays.stream(values()).map(KeyAlgorithm::id).collect(Collectors.joining(", ")));
    }

    public KeyPair generate(SecureRandom random) {
        try {
            return switch (this) {
                case EC_P384 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.BC);
                    g.initialize(new ECGenParameterSpec("secp384r1"), random);
                    yield g.generateKeyPair();
                }
                case RSA_3072, RSA_4096 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(this == RSA_3072 ? 3072 : 4096, random);
                    yield g.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + id + " keys", e);
        }
    }

    /**
     * The signature a CA with this key makes: SHA-256 or stronger, matched to the curve size so an imported P-521 or
     * P-256 CA signs with the hash its strength calls for.
     */
    public static String signatureAlgorithmFor(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return "SHA256withRSA";
        }
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        throw new IllegalArgumentException("IAM Roles Anywhere accepts only RSA or EC keys, not " + key.getAlgorithm());
    }
}
