package io.hybridctl.fleet.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Bearer secrets: 256 random bits behind a recognisable prefix (so log redaction can find them). Only the SHA-256
 * is stored; with 256 bits of entropy a salt or slow hash adds nothing.
 */
public final class Secrets {

    public static final String ADMIN_PREFIX = "hfa_";
    public static final String REGISTRATION_PREFIX = "hfr_";
    /** Anything that looks like one of our tokens. */
    public static final Pattern TOKEN_PATTERN = Pattern.compile("hf[ar]_[A-Za-z0-9_-]{16,}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Compares in constant time so response timing does not reveal how much of a hash matched. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
