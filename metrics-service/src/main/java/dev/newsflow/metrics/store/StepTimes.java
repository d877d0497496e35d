package dev.newsflow.metrics.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per write step of one store call (steps of one collection each may end on a writer thread). */
final class StepTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** A step ended now: it took the time since the previous one ended. */
    synchronized void step(String step) {
        long now = System.nanoTime();
        nanos.merge(step, now - last, Long::sum);
        last = now;
    }

    /** A step that ran beside others ended, after {@code stepNanos} of its own. */
    synchronized void step(String step, long stepNanos) {
        nanos.merge(step, stepNanos, Long::sum);
        last = System.nanoTime();
    }

    /** {@code step N ms, ...}, slowest first. */
    synchronized String format() {
        StringBuilder b = new StringBuilder();
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
                b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue() / 1_000_000).append(" ms"));
        return b.toString();
    }
}
