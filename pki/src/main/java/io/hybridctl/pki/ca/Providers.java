package io.hybridctl.pki.ca;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * The BouncyCastle provider, passed explicitly to each JCA call rather than registered globally (registering would
 * change what every other module gets from Security.getInstance). Its P-256/P-384 arithmetic is specialised and
 * about twice as fast as the JDK's for key generation, signing and verification, which is what a 1,000-node run costs.
 */
final class Providers {

    static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }
}
