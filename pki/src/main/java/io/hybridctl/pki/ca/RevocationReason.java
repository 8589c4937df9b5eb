package io.hybridctl.pki.ca;

import org.bouncycastle.asn1.x509.CRLReason;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The RFC 5280 reason codes a node certificate is revoked for. */
public enum RevocationReason {
    UNSPECIFIED("unspecified", CRLReason.unspecified),
    KEY_COMPROMISE("key-compromise", CRLReason.keyCompromise),
    SUPERSEDED("superseded", CRLReason.superseded),
    CESSATION_OF_OPERATION("cessation-of-operation", CRLReason.cessationOfOperation);

    private final String id;
    private final int code;

    RevocationReason(String id, int code) {
        this.id = id;
        this.code = code;
    }

    public String id() {
        return id;
    }

    public int code() {
        return code;
    }

    /** The reason for a CRL entry's code; codes this CA never writes read as unspecified. */
    public static RevocationReason ofCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return UNSPECIFIED;
    }

    public static RevocationReason parse(String id) {
        for (RevocationReason r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason '" + id + "'; use one of "
                + Arrays.stream(values()).map(RevocationReason::id).collect(Collectors.joining(", ")));
    }
}
