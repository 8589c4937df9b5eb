package io.hybridctl.verify.flows;

import io.hybridctl.verify.model.HybridModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs every catalogue entry over a few worker threads. Each worker owns a {@link FlowRunner} (an analyser's memo is
 * single-threaded; the data plane underneath is shared and read-only), takes the next entry from a common queue, and
 * the costliest entries go first so that no worker is left with an all-pairs flow at the end. Results come back in
 * catalogue order whatever the thread count, so the report is the same as a sequential run's.
 */
public final class CatalogueRun {

    /** One entry's result and what it cost its worker. */
    public record Timed(FlowResult result, long wallMillis, long cpuMillis) {
    }

    private CatalogueRun() {
    }

    /**
     * @param first   the runner the first worker uses (kept by the caller for tracing afterwards)
     * @param more    makes a runner for each further worker
     * @param threads how many workers; 1 runs everything on the calling thread
     */
    public static List<Timed> run(HybridModel model, List<CatalogueEntry> entries, VerifyOptions options, FlowRunner first,
                                  Supplier<FlowRunner> more, int threads) {
        List<Integer> order = new ArrayList<>();
        List<Long> cost = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            order.add(i);
            cost.add(estimate(entries.get(i), model, options));
        }
        order.sort(Comparator.comparing((Integer i) -> cost.get(i)).reversed());
        Timed[] out = new Timed[entries.size()];
        if (threads <= 1) {
            for (int i : order) {
                out[i] = timed(first, entries.get(i), options);
            }
            return List.of(out);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify-flows");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                FlowRunner runner = w == 0 ? first : more.get();
                workers.add(pool.submit(() -> {
                    for (int k = next.getAndIncrement(); k < order.size(); k = next.getAndIncrement()) {
                        int i = order.get(k);
                        out[i] = timed(runner, entries.get(i), options);
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking flows", e);
        } catch (ExecutionException e) {
            // A bug in a flow check: rethrow it as it would have been thrown sequentially.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }

    /** Pairs of source and destination endpoints: all-pairs flows dwarf the rest. */
    private static long estimate(CatalogueEntry entry, HybridModel model, VerifyOptions options) {
        if (!(entry.legs().apply(model, options) instanceof Applicability.Applies a)) {
            return 0;
        }
        long total = 0;
        for (Leg leg : a.legs()) {
            total += (long) leg.sources().size() * Math.max(1, leg.destinations().size()) * (leg.reply() ? 2 : 1);
        }
        return total;
    }

    private static Timed timed(FlowRunner runner, CatalogueEntry entry, VerifyOptions options) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        FlowResult result = runner.run(entry, options);
        return new Timed(result, (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }
}
