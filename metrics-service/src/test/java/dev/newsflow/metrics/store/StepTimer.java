package dev.newsflow.metrics.store;

import java.util.Map;
import java.util.TreeMap;

/** Benchmark helper: wall time spent before each write step of the store, summed per step name. */
public final class StepTimer {

    private final Map<String, Long> nanos = new TreeMap<>();
    private long last = System.nanoTime();

    public StepTimer(ArticleStore store) {
        store.afterWrite(step -> {
            long now = System.nanoTime();
            nanos.merge(step, now - last, Long::sum);
            last = now;
        });
    }

    /** Restarts the clock (call before each batch). */
    public void mark() {
        last = System.nanoTime();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> b.append(String.format("  %-40s %8.1f s%n", e.getKey(), e.getValue() / 1e9)));
        return b.toString();
    }
}
