package dev.newsflow.metrics.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the writes of one store step that go to different collections side by side: each collection's documents are
 * independent of the others' (every update carries its own batch tag), MongoDB serves them on separate connections,
 * and mongo-java-server locks per collection. A batch's wall time is then its slowest collection instead of the sum
 * of all of them. {@link #runAll} returns only when every write has ended, so nothing of a batch is still being
 * written when the next one (or its resume after a failure) starts.
 */
final class CollectionWriters implements AutoCloseable {

    private final ExecutorService pool;

    /** {@code threads} &lt;= 1: every write runs on the caller's thread, one after the other. */
    CollectionWriters(int threads) {
        if (threads <= 1) {
            pool = null;
            return;
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "store-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every task, waits for all of them and then rethrows the first failure (the others' writes stand). */
    void runAll(List<Runnable> tasks) {
        if (pool == null || tasks.size() < 2) {
            tasks.forEach(Runnable::run);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            futures.add(pool.submit(task));
        }
        Throwable first = null;
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
