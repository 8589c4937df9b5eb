package io.hybridctl.plan.emulator;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Tests must never reach a real AWS endpoint: every endpoint a test hands to an AWS client or the AWS CLI goes
 * through here, and anything that is not a loopback address fails the test. Host names are refused unless they are
 * "localhost", so no DNS answer can redirect a test.
 */
public final class LoopbackGuard {

    private LoopbackGuard() {
    }

    public static URI requireLoopback(URI endpoint) {
        String host = endpoint == null ? null : endpoint.getHost();
        if (host == null) {
            throw new AssertionError("test AWS endpoint " + endpoint + " has no host; tests must set a loopback endpoint (http://127.0.0.1:PORT)");
        }
        if (!isLoopback(host)) {
            throw new AssertionError("test AWS endpoint " + endpoint + " is not loopback; tests may only talk to emulators on 127.0.0.1");
        }
        return endpoint;
    }

    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
