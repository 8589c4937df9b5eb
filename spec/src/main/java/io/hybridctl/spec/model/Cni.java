package io.hybridctl.spec.model;

public record Cni(Plugin plugin, String version, PodRouting podRouting, int nodeBlockSize, Bgp bgp) {

    public enum Plugin { CILIUM, CALICO }

    public enum PodRouting { BGP, STATIC, NONE }

    public boolean podsRoutable() {
        return podRouting != PodRouting.NONE;
    }

    public static int defaultBlockSize(Plugin plugin) {
        return plugin == Plugin.CILIUM ? 25 : 26;
    }

    public record Bgp(long asn, int holdTimeSeconds, int keepaliveTimeSeconds, boolean gracefulRestart, int restartTimeSeconds) {
    }
}
