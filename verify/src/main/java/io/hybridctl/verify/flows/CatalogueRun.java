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
 * Runs every catalogue entry over a few worker threads. The unit of work is one direction of one leg, so that the
 * all-pairs flows, which dwarf the rest, are spread too. Each worker owns a {@link FlowRunner} (an analyser's memo is
 * single-threaded; the data plane underneath is shared and read-only) and takes the next unit from a common queue:
 * entries costliest first, an entry's units together (they share analysis where the headers allow). Results are
 * assembled in catalogue order, so the report is the same whatever the thread count.
 */
public final class CatalogueRun {

    /** One entry's result and what it cost (summed over its units). */
    public record Timed(FlowResult result, long wallMillis, long cpuMillis) {
    }

    private record Unit(int entry, int index, FlowRunner.Direction direction) {
    }

    private CatalogueRun() {
    }

    /**
     * @param first   the runner the first worker uses, and that assembles the results (the caller keeps it for tracing)
     * @param more    makes a runner for each further worker
     * @param threads how many workers; 1 runs everything on the calling thread
     */
    public static List<Timed> run(HybridModel model, List<CatalogueEntry> entries, VerifyOptions options, FlowRunner first,
                                  Supplier<FlowRunner> more, int threads) {
        List<Applicability> applicability = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        List<Long> entryCost = new ArrayList<>();
        List<FlowRunner.Traced[]> traced = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            Applicability a = entries.get(e).legs().apply(model, options);
            applicability.add(a);
            List<FlowRunner.Direction> directions = a instanceof Applicability.Applies applies
                    ? FlowRunner.directions(entries.get(e), applies) : List.of();
            traced.add(new FlowRunner.Traced[directions.size()]);
            long cost = 0;
            for (int i = 0; i < directions.size(); i++) {
                units.add(new Unit(e, i, directions.get(i)));
                Leg leg = ((Applicability.Applies) a).legs().get(directions.get(i).leg());
                cost += (long) leg.sources().size() * Math.max(1, leg.destinations().size());
            }
            entryCost.add(cost);
        }
        units.sort(Comparator.comparing((Unit u) -> -entryCost.get(u.entry())).thenComparingInt(Unit::entry).thenComparingInt(Unit::index));
        long[] wall = new long[entries.size()]; // nanoseconds: most units take less than a millisecond
        long[] cpu = new long[entries.size()];

        if (threads <= 1) {
            work(units, new AtomicInteger(), first, entries, applicability, traced, wall, cpu);
        } else {
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
                    workers.add(pool.submit(() -> work(units, next, runner, entries, applicability, traced, wall, cpu)));
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
        }
        List<Timed> out = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            FlowResult result = first.assemble(entries.get(e), applicability.get(e), List.of(traced.get(e)));
            out.add(new Timed(result, wall[e] / 1_000_000, cpu[e] / 1_000_000));
        }
        return out;
    }

    private static void work(List<Unit> units, AtomicInteger next, FlowRunner runner, List<CatalogueEntry> entries,
                             List<Applicability> applicability, List<FlowRunner.Traced[]> traced, long[] wall, long[] cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int current = -1;
        for (int k = next.getAndIncrement(); k < units.size(); k = next.getAndIncrement()) {
            Unit u = units.get(k);
            if (u.entry() != current) {
                runner.forget();
                current = u.entry();
            }
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            traced.get(u.entry())[u.index()] = runner.trace(entries.get(u.entry()), (Applicability.Applies) applicability.get(u.entry()), u.direction());
            // Each unit's slots are written by one worker; Future.get() orders them before the assembly reads them.
            synchronized (wall) {
                wall[u.entry()] += System.nanoTime() - w0;
                cpu[u.entry()] += threads.getCurrentThreadCpuTime() - c0;
            }
        }
        runner.forget();
    }
}
