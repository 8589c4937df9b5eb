package io.hybridctl.fleet.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a NodeConfig needs: cluster, one credential provider, kubelet settings. */
public record NodeConfigInput(String clusterName, String region, Credentials credentials, Map<String, Object> kubeletConfig,
                              List<String> kubeletFlags) {

    public NodeConfigInput {
        kubeletConfig = Map.copyOf(kubeletConfig);
        kubeletFlags = List.copyOf(kubeletFlags);
    }

    public sealed interface Credentials permits Ssm, IamRolesAnywhere {
    }

    public record Ssm(String activationId, String activationCode) implements Credentials {
        @Override
        public String toString() {
            return "Ssm[activationId=" + activationId + ", activationCode=<redacted>]";
        }
    }

    public record IamRolesAnywhere(String nodeName, String trustAnchorArn, String profileArn, String roleArn,
                                   String certificatePath, String privateKeyPath) implements Credentials {
    }

    public Optional<String> secret() {
        return credentials instanceof Ssm s ? Optional.of(s.activationCode()) : Optional.empty();
    }
}
