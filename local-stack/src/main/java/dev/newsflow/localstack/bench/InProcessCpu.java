package dev.newsflow.localstack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of the benchmark's own process split by what its threads do: the Kafka broker, the MongoDB-wire server
 * and the load client run in it side by side. Threads are told apart by name; the rest of the process's CPU time
 * (garbage collection, JIT compilers, threads that have ended) is reported as such.
 */
final class InProcessCpu {

    static final String BROKER = "Kafka broker";
    static final String MONGO = "MongoDB-wire server";
    static final String CLIENT = "load client";
    static final String REST = "bench JVM's GC, JIT and ended threads (the load client's posting pools)";

    private static final Pattern MONGO_THREADS = Pattern.compile("mongo-server-.*");
    private static final Pattern CLIENT_THREADS = Pattern.compile("HttpClient-.*|pool-\\d+-thread-\\d+");
    private static final Pattern BROKER_THREADS = Pattern.compile("(data-plane-kafka|kafka-|group-coordinator|share-|raft-"
            + "|quorum-controller|controller-|transaction-|ExpirationReaper|executor-|persister-|broker-).*");

    private InProcessCpu() {
    }

    /** CPU time so far per role ({@link #BROKER}, {@link #MONGO}, {@link #CLIENT}, {@link #REST}). */
    static Map<String, Duration> byRole() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> nanos = new LinkedHashMap<>();
        nanos.put(BROKER, 0L);
        nanos.put(MONGO, 0L);
        nanos.put(CLIENT, 0L);
        long attributed = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            String role = role(info.getThreadName());
            if (role != null) {
                nanos.merge(role, cpu, Long::sum);
                attributed += cpu;
            }
        }
        long process = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
        Map<String, Duration> out = new LinkedHashMap<>();
        nanos.forEach((role, n) -> out.put(role, Duration.ofNanos(n)));
        out.put(REST, Duration.ofNanos(Math.max(0, process - attributed)));
        return out;
    }

    /** The role of a thread by its name, or null (counted with the rest). */
    static String role(String threadName) {
        if (MONGO_THREADS.matcher(threadName).matches()) {
            return MONGO;
        }
        if (CLIENT_THREADS.matcher(threadName).matches()) {
            return CLIENT;
        }
        if (BROKER_THREADS.matcher(threadName).matches()) {
            return BROKER;
        }
        return null;
    }
}
