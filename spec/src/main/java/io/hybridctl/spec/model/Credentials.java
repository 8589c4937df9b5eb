package io.hybridctl.spec.model;

import java.nio.file.Path;
import java.util.Optional;

public record Credentials(Provider provider, Optional<String> roleArn, Optional<CaBundle> caBundle) {

    public enum Provider {
        SSM("ssm", "ssm"), IAM_ROLES_ANYWHERE("ira", "iam-ra");

        private final String eksctlName;
        private final String nodeadmName;

        Provider(String eksctlName, String nodeadmName) {
            this.eksctlName = eksctlName;
            this.nodeadmName = nodeadmName;
        }

        /** The value eksctl's remoteNetworkConfig.iam.provider takes. */
        public String eksctlName() {
            return eksctlName;
        }

        /** The value of `nodeadm install --credential-provider` and of the node label. */
        public String nodeadmName() {
            return nodeadmName;
        }
    }

    /** Where the IAM Roles Anywhere CA comes from. */
    public sealed interface CaBundle permits CaBundleFile, CaBundlePem, CaBundlePki {
    }

    /** A PEM file, resolved against the spec's directory. */
    public record CaBundleFile(Path path) implements CaBundle {
    }

    public record CaBundlePem(String pem) implements CaBundle {
    }

    /** A `hybridctl pki` directory; its CA certificate is ca.pem. */
    public record CaBundlePki(Path directory) implements CaBundle {
    }
}
