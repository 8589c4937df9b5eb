package io.hybridctl.fleet.bootstrap;

/**
 * Renders a host's nodeadm NodeConfig. The port the fleet needs; {@link YamlNodeConfigRenderer} implements it here
 * until the plan module's renderer can be adapted behind it.
 */
public interface NodeConfigRenderer {

    String render(NodeConfigInput input);
}
