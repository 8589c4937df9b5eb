package io.hybridctl.spec.validate;

import io.hybridctl.spec.model.Host;
import io.hybridctl.spec.model.Site;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Site names, empty sites, and node labels the kubelet would refuse to set. */
final class SiteRules implements RuleGroup {

    private static final Pattern SITE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)");
    private static final Pattern LABEL_PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?");

    @Override
    public void check(ValidationContext ctx) {
        Map<String, String> names = new HashMap<>();
        for (Site site : ctx.spec().sites()) {
            String p = site.path() + ".name";
            if (!SITE_NAME.matcher(site.name()).matches()) {
                ctx.report("DES023", p, "site name '" + site.name() + "' is not a DNS label", "use lowercase letters, digits and '-', at most 63 characters; it becomes a label value and part of file names");
            }
            String previous = names.putIfAbsent(site.name(), p);
            if (previous != null) {
                ctx.report("DES023", p, "site name '" + site.name() + "' is already used by " + previous, "give each site its own name");
            }
            if (site.hosts().isEmpty()) {
                ctx.report("DES019", site.path(), "site " + site.name() + " has no hosts", "add hosts, or remove the site until it has some");
            }
            for (Host h : site.hosts()) {
                h.labels().forEach((k, v) -> label(ctx, h, k, v));
            }
        }
    }

    private static void label(ValidationContext ctx, Host h, String key, String value) {
        String path = h.path() + ".labels." + key;
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? "" : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean ok = LABEL_NAME.matcher(name).matches() && (prefix.isEmpty() || (prefix.length() <= 253 && LABEL_PREFIX.matcher(prefix).matches()))
                && value.length() <= 63 && LABEL_VALUE.matcher(value).matches();
        if (!ok) {
            ctx.report("DES024", path, "label " + key + "=" + value + " on host " + h.name() + " is not a valid Kubernetes label",
                    "keys are [prefix/]name with a name of up to 63 characters; values up to 63 characters of [A-Za-z0-9-_.]");
            return;
        }
        boolean restricted = prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io") || prefix.equals("k8s.io") || prefix.endsWith(".k8s.io");
        boolean allowed = prefix.startsWith("node-restriction.kubernetes.io") || prefix.equals("kubelet.kubernetes.io") || prefix.equals("node.kubernetes.io")
                || key.equals("topology.kubernetes.io/zone") || key.equals("topology.kubernetes.io/region") || key.equals("kubernetes.io/hostname")
                || key.equals("kubernetes.io/arch") || key.equals("kubernetes.io/os");
        if (restricted && !allowed) {
            ctx.report("DES024", path, "the kubelet may not set label " + key + " on its own node (NodeRestriction)",
                    "use your own prefix (e.g. example.com/" + name + "), or node-restriction.kubernetes.io/" + name);
        }
        if (key.equals("topology.kubernetes.io/zone") || key.equals("eks.amazonaws.com/compute-type")) {
            ctx.report("DES024", path, "label " + key + " is set by hybridctl or nodeadm", "remove it; set the site's zone with sites[].zone");
        }
    }
}
