package io.hybridctl.pki.ca;

import java.util.regex.Pattern;

/**
 * The node names a certificate can carry. The name is the CN, a dNSName SAN and a directory name, and nodeadm limits
 * an IAM Roles Anywhere nodeName to 64 characters, so only lower-case DNS names of at most 64 characters pass.
 */
public final class HostNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,62}[a-z0-9])?");

    private HostNames() {
    }

    public static String require(String host) {
        if (host == null || !NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' cannot be a node name in a certificate: use 1-64 lower-case letters, "
                    + "digits, '-' or '.', starting and ending with a letter or digit");
        }
        return host;
    }
}
