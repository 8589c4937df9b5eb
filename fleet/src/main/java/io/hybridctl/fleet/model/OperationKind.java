package io.hybridctl.fleet.model;

import java.util.List;
import java.util.Locale;

/**
 * What an operation does to one host. Steps are fixed per kind so that a resumed operation restarts at its first
 * unfinished step; a rolling repave is a sequence of uninstall + bootstrap operations over a pool.
 */
public enum OperationKind {
    BOOTSTRAP(List.of("write-files", "nodeadm-install", "nodeadm-init", "verify")),
    UPGRADE(List.of("write-files", "nodeadm-upgrade", "verify")),
    UNINSTALL(List.of("nodeadm-uninstall")),
    ROTATE_CREDENTIALS(List.of("write-files", "restart-credential-helper"));

    private final List<String> steps;

    OperationKind(List<String> steps) {
        this.steps = steps;
    }

    public List<String> steps() {
        return steps;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OperationKind fromWire(String s) {
        for (OperationKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown operation kind '" + s + "' (bootstrap, upgrade, uninstall, rotate-credentials)");
    }
}
