package io.hybridctl.plan.ipam;

import io.hybridctl.net.Prefix;

/** One line of hybridctl.lock: the pod block a host was given, and the site it was given in. */
public record LockEntry(String host, String site, Prefix block) {
}
