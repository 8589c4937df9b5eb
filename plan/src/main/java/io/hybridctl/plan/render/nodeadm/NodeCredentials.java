package io.hybridctl.plan.render.nodeadm;

import java.util.Optional;

/** What a NodeConfig needs to obtain AWS credentials on the host. */
public sealed interface NodeCredentials permits NodeCredentials.Ssm, NodeCredentials.IamRolesAnywhere {

    /** Marks every value a person still has to fill in; install.sh refuses to run while one is left. */
    String PLACEHOLDER = "REPLACE_ME";

    /** SSM: the activation when known, clearly marked placeholders otherwise. */
    record Ssm(Optional<SsmActivation> activation) implements NodeCredentials {
        public static Ssm placeholders() {
            return new Ssm(Optional.empty());
        }
    }

    /**
     * IAM Roles Anywhere: the three ARNs the CloudFormation stack outputs (placeholders until it is deployed) and the
     * certificate/key paths on the host (nodeadm's defaults unless overridden).
     */
    record IamRolesAnywhere(String roleArn, String profileArn, String trustAnchorArn, String certificatePath,
                            String privateKeyPath) implements NodeCredentials {

        public static final String DEFAULT_CERTIFICATE = "/etc/iam/pki/server.pem";
        public static final String DEFAULT_KEY = "/etc/iam/pki/server.key";

        /** Placeholders naming the stack output to copy from, except a bring-your-own role ARN that is known. */
        public static IamRolesAnywhere fromStackOutputs(Optional<String> roleArn) {
            return new IamRolesAnywhere(roleArn.orElse(PLACEHOLDER + "_RemoteNodesRoleARN"), PLACEHOLDER + "_RemoteNodesAnywhereProfileARN",
                    PLACEHOLDER + "_RemoteNodesTrustAnchorARN", DEFAULT_CERTIFICATE, DEFAULT_KEY);
        }
    }
}
