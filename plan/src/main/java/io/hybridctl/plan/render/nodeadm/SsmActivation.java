package io.hybridctl.plan.render.nodeadm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * An SSM hybrid activation, as `aws ssm create-activation` prints it ({"ActivationId": ..., "ActivationCode": ...}).
 * The code is a secret: toString never shows it, and error messages never quote it.
 */
public record SsmActivation(String activationId, String activationCode) {

    /** nodeadm's own patterns (nodeadm.md §2 rules 8 and 9). */
    static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final Pattern CODE = Pattern.compile("^.{20,250}$");

    public SsmActivation {
        if (activationId == null || !ID.matcher(activationId).matches()) {
            throw new IllegalArgumentException("the ActivationId is not in nodeadm's format ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        }
        if (activationCode == null || !CODE.matcher(activationCode).matches()) {
            throw new IllegalArgumentException("the ActivationCode must be 20 to 250 characters (nodeadm rejects it otherwise)");
        }
    }

    /** Parses the create-activation JSON; IllegalArgumentException with a fit-for-users message otherwise. */
    public static SsmActivation parseJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON; pass the output of `aws ssm create-activation ... --output json`");
        }
        if (root == null || !root.hasNonNull("ActivationId") || !root.hasNonNull("ActivationCode")) {
            throw new IllegalArgumentException("needs the fields ActivationId and ActivationCode, as `aws ssm create-activation` prints them");
        }
        return new SsmActivation(root.get("ActivationId").asText(), root.get("ActivationCode").asText());
    }

    @Override
    public String toString() {
        return "SsmActivation[activationId=" + activationId + ", activationCode=***]";
    }
}
