package io.hybridctl.fleet.server;

import io.hybridctl.fleet.service.EventHub;
import io.hybridctl.fleet.model.OperationState;
import io.hybridctl.fleet.store.HeartbeatWriter;
import io.hybridctl.fleet.store.HostStore;
import io.hybridctl.fleet.store.OperationStore;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Prometheus metrics for /metrics: request counts and latencies, inventory and operation gauges, JVM. */
public final class Metrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram latency;

    public Metrics(HostStore hosts, OperationStore operations, EventHub hub, HeartbeatWriter heartbeats) {
        requests = Counter.builder().name("fleet_http_requests_total").help("HTTP requests by route and status")
                .labelNames("method", "route", "status").register(registry);
        latency = Histogram.builder().name("fleet_http_request_duration_seconds").help("HTTP request latency by route")
                .labelNames("route").classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5).register(registry);
        GaugeWithCallback.builder().name("fleet_hosts").help("registered hosts")
                .callback(cb -> cb.call(hosts.count())).register(registry);
        GaugeWithCallback.builder().name("fleet_operations").help("operations by state").labelNames("state")
                .callback(cb -> {
                    for (OperationState s : OperationState.values()) {
                        cb.call(operations.countByState(s), s.name().toLowerCase(java.util.Locale.ROOT));
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("fleet_event_subscribers").help("open event streams")
                .callback(cb -> cb.call(hub.subscriberCount())).register(registry);
        GaugeWithCallback.builder().name("fleet_heartbeats_pending").help("heartbeats queued for the next batch write")
                .callback(cb -> cb.call(heartbeats.pendingCount())).register(registry);
        CounterWithCallback.builder().name("fleet_heartbeats_written").help("heartbeats written by batch")
                .callback(cb -> cb.call(heartbeats.writtenCount())).register(registry);
        CounterWithCallback.builder().name("fleet_heartbeat_flushes").help("heartbeat batch writes")
                .callback(cb -> cb.call(heartbeats.flushCount())).register(registry);
        JvmMetrics.builder().register(registry);
    }

    public void observe(String method, String route, int status, double seconds) {
        requests.labelValues(method, route, Integer.toString(status)).inc();
        latency.labelValues(route).observe(seconds);
    }

    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
