package io.hybridctl.aws.crl;

import io.hybridctl.aws.AwsAction;
import io.hybridctl.aws.AwsCall;
import io.hybridctl.aws.AwsProblem;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rolesanywhere.RolesAnywhereClient;
import software.amazon.awssdk.services.rolesanywhere.model.CrlDetail;

import java.util.Optional;

/**
 * Publishes the pki CA's CRL to IAM Roles Anywhere for the stack's trust anchor: ImportCrl the first time, UpdateCrl
 * after (found by name and trust anchor), so a revoked node certificate stops getting credentials.
 */
public final class CrlPublisher {

    /** What was done, for the report. */
    public record Published(String crlArn, boolean created) {
    }

    private final RolesAnywhereClient ra;

    public CrlPublisher(RolesAnywhereClient ra) {
        this.ra = ra;
    }

    public static String crlName(String cluster) {
        return cluster + "-hybridctl-crl";
    }

    public Published publish(String cluster, String trustAnchorArn, byte[] crl) throws AwsProblem {
        String name = crlName(cluster);
        Optional<CrlDetail> existing = find(name, trustAnchorArn);
        SdkBytes data = SdkBytes.fromByteArray(crl);
        if (existing.isPresent()) {
            String id = existing.get().crlId();
            CrlDetail d = AwsCall.run(AwsAction.ROLESANYWHERE_UPDATE_CRL, () -> ra.updateCrl(r -> r.crlId(id).crlData(data))).crl();
            return new Published(d.crlArn(), false);
        }
        CrlDetail d = AwsCall.run(AwsAction.ROLESANYWHERE_IMPORT_CRL, () -> ra.importCrl(r -> r.name(name).trustAnchorArn(trustAnchorArn).crlData(data).enabled(true))).crl();
        return new Published(d.crlArn(), true);
    }

    private Optional<CrlDetail> find(String name, String trustAnchorArn) throws AwsProblem {
        String token = null;
        do {
            String t = token;
            var page = AwsCall.run(AwsAction.ROLESANYWHERE_LIST_CRLS, () -> ra.listCrls(r -> r.nextToken(t)));
            for (CrlDetail c : page.crls()) {
                if (name.equals(c.name()) && trustAnchorArn.equals(c.trustAnchorArn())) {
                    return Optional.of(c);
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return Optional.empty();
    }
}
