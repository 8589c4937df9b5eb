package io.hybridctl.plan.render.nodeadm;

/** The two files a host needs: its NodeConfig and the script that installs and joins it. */
public record RenderedNode(String host, String nodeConfig, String installScript, boolean nodeConfigHasSecret) {

    @Override
    public String toString() {
        return "RenderedNode[" + host + "]";
    }
}
