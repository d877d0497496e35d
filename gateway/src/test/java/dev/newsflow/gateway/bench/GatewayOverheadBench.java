package dev.newsflow.gateway.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's own overhead, without the rest of the stack: a stub ingest service (JDK HttpServer: reads the body,
 * optionally waits, answers 202 + a small JSON) and the gateway exec jar in its own JVM in front of it. After a
 * warm-up it posts ~1 KB Chinese articles alternately straight to the stub and through the gateway at fixed rates
 * (open loop), then back to back from 4 clients, and reports p50/p99 of both, requests/s, and the gateway JVM's CPU
 * time per request. The HTTP client is used as local-stack's LoadClient uses it, so figures compare.
 *
 * <p>Not a test (not run by {@code verify}); run {@code gateway/bench.sh} (see there for options). Needs only the JDK.
 */
public final class GatewayOverheadBench {

    private static final String KEY = "benchkey";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final Random random = new Random(7);
    private int serial;

    public static void main(String[] args) throws Exception {
        // the JDK server writes headers and body separately: without this, Nagle + delayed ACKs add ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("jar", "target/gateway-0.1.0-SNAPSHOT-exec.jar");
        opts.put("java-opts", "-XX:+UseSerialGC -Xmx256m");
        opts.put("delay-ms", "5");
        opts.put("warmup", "20000");
        opts.put("seconds", "20");
        opts.put("rates", "20,100");
        opts.put("requests", "3000");
        opts.put("hold-seconds", "0");
        opts.put("compare-jar", "");
        opts.put("compare-java-opts", "-XX:+UseSerialGC -Xmx256m");
        opts.put("compare-env", "");
        // the ingest bucket (120/min per key) would refuse nearly all of the bench's posts
        opts.put("env", "NEWSFLOW_GATEWAY_RATELIMIT_INGEST_CAPACITY=1000000000");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !opts.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + opts);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        new GatewayOverheadBench().run(opts);
        System.exit(0);
    }

    /** One gateway JVM under test. */
    private record Gateway(String label, String url, Process process, Path log) {
    }

    private Gateway start(String label, Map<String, String> opts, String jar, String javaOpts, String backend,
            String extraEnv) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("gateway-bench-" + label, ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : javaOpts.split("\\s+")) {
            if (!o.isBlank()) {
                command.add(o);
            }
        }
        command.add("-jar");
        command.add(jar);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("INGEST_URL", backend);
        builder.environment().put("NLP_URL", backend);
        builder.environment().put("METRICS_URL", backend);
        builder.environment().put("NEWSFLOW_API_KEYS", KEY + ":ingest+read+admin");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        for (String kv : (opts.get("env") + "," + extraEnv).split(",")) {
            if (kv.contains("=")) {
                builder.environment().put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        Gateway gateway = new Gateway(label, "http://127.0.0.1:" + port, process, log);
        awaitHealthy(gateway.url(), process, log);
        System.err.println("bench: " + label + " pid " + process.pid() + " on " + gateway.url() + " (" + jar + " "
                + javaOpts + "), log " + log);
        return gateway;
    }

    private void run(Map<String, String> opts) throws Exception {
        long delay = Long.parseLong(opts.get("delay-ms"));
        HttpServer backend = backend(delay);
        String direct = "http://127.0.0.1:" + backend.getAddress().getPort();
        List<Gateway> gateways = new ArrayList<>();
        Map<String, Object> r = new LinkedHashMap<>();
        try {
            gateways.add(start("gateway", opts, opts.get("jar"), opts.get("java-opts"), direct, ""));
            if (!opts.get("compare-jar").isBlank()) {
                // A/B: a second gateway measured in the same phases, so both see the same machine load
                gateways.add(start("compared", opts, opts.get("compare-jar"), opts.get("compare-java-opts"), direct,
                        opts.get("compare-env")));
            }
            r.put("javaOpts", opts.get("java-opts"));
            r.put("backendDelayMs", delay);
            for (Gateway g : gateways) {
                r.put(g.label(), g.label().equals("gateway") ? opts.get("jar") + " " + opts.get("java-opts")
                        : opts.get("compare-jar") + " " + opts.get("compare-java-opts") + " " + opts.get("compare-env"));
            }

            int warmup = Integer.parseInt(opts.get("warmup"));
            String article = nextJson();
            Map<String, Object> warm = new LinkedHashMap<>();
            warm.put("direct", closedLoop(direct, () -> article, 4, warmup, Double.MAX_VALUE).statuses);
            for (Gateway g : gateways) {
                warm.put(g.label(), closedLoop(g.url(), () -> article, 4, warmup, Double.MAX_VALUE).statuses);
            }
            r.put("warmupStatuses", warm);

            double hold = Double.parseDouble(opts.get("hold-seconds"));
            if (hold > 0) {
                // profiling mode: the gateway under back-to-back load for a while (attach JFR meanwhile)
                Gateway g = gateways.get(0);
                System.err.println("bench: holding load for " + hold + " s (pid " + g.process().pid() + ")");
                r.put("held", summary(closedLoop(g.url(), this::nextJsonSync, 4, Integer.MAX_VALUE, hold)));
            }

            double seconds = Double.parseDouble(opts.get("seconds"));
            List<String> targets = new ArrayList<>(List.of(direct));
            gateways.forEach(g -> targets.add(g.url()));
            for (String rateText : opts.get("rates").split(",")) {
                double rate = Double.parseDouble(rateText);
                System.err.println("bench: open loop at " + rate + "/s for " + seconds + " s (pid "
                        + gateways.get(0).process().pid() + ")");
                List<Duration> cpu0 = gateways.stream().map(g -> cpu(g.process())).toList();
                List<Outcome> open = openLoopInterleaved(targets, rate, seconds);
                for (int i = 0; i < gateways.size(); i++) {
                    Outcome o = open.get(i + 1);
                    Map<String, Object> phase = new LinkedHashMap<>();
                    phase.put("direct", summary(open.get(0)));
                    phase.put("gateway", summary(o));
                    phase.put("addedP50Ms", round(pct(o, 50) - pct(open.get(0), 50)));
                    phase.put("addedP99Ms", round(pct(o, 99) - pct(open.get(0), 99)));
                    phase.put("gatewayCpuMsPerRequest", round(cpu(gateways.get(i).process()).minus(cpu0.get(i))
                            .toNanos() / 1e6 / Math.max(1, o.total())));
                    r.put("open" + (int) rate + "PerSecond" + suffix(gateways.get(i)), phase);
                }
            }

            // back to back from 4 clients, in rounds alternating direct and each gateway (same load for each)
            int requests = Integer.parseInt(opts.get("requests"));
            int rounds = 3;
            Outcome closedDirect = new Outcome();
            List<Outcome> closedGateways = new ArrayList<>();
            long[] cpuNanos = new long[gateways.size()];
            gateways.forEach(g -> closedGateways.add(new Outcome()));
            for (int round = 0; round < rounds; round++) {
                closedLoop(direct, this::nextJsonSync, 4, requests / rounds, Double.MAX_VALUE, closedDirect);
                for (int i = 0; i < gateways.size(); i++) {
                    Duration before = cpu(gateways.get(i).process());
                    closedLoop(gateways.get(i).url(), this::nextJsonSync, 4, requests / rounds, Double.MAX_VALUE,
                            closedGateways.get(i));
                    cpuNanos[i] += cpu(gateways.get(i).process()).minus(before).toNanos();
                }
            }
            for (int i = 0; i < gateways.size(); i++) {
                Map<String, Object> closed = new LinkedHashMap<>();
                closed.put("direct", summary(closedDirect));
                closed.put("gateway", summary(closedGateways.get(i)));
                closed.put("gatewayCpuMsPerRequest", round(cpuNanos[i] / 1e6 / (requests / rounds * rounds)));
                r.put("backToBack4Clients" + suffix(gateways.get(i)), closed);
            }
        } finally {
            for (Gateway g : gateways) {
                g.process().destroy();
                g.process().waitFor(20, TimeUnit.SECONDS);
            }
            backend.stop(0);
        }
        System.out.println(json(r));
        System.out.println(table(r));
    }

    private static String suffix(Gateway g) {
        return g.label().equals("gateway") ? "" : " (" + g.label() + ")";
    }

    // ---------------------------------------------------------------- backend

    private static HttpServer backend(long delayMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        AtomicInteger ids = new AtomicInteger();
        server.createContext("/", exchange -> handle(exchange, delayMs, ids));
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        return server;
    }

    private static void handle(HttpExchange exchange, long delayMs, AtomicInteger ids) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("{\"accepted\":1,\"duplicates\":0,\"ids\":[\"" + String.format("%064x", ids.incrementAndGet())
                    + "\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    // ---------------------------------------------------------------- load (as local-stack's LoadClient)

    static final class Outcome {
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        double seconds;

        int total() {
            return statuses.values().stream().mapToInt(AtomicInteger::get).sum() + errors.get();
        }
    }

    private Outcome closedLoop(String baseUrl, java.util.function.Supplier<String> bodies, int concurrency,
            int requests, double seconds) throws InterruptedException {
        return closedLoop(baseUrl, bodies, concurrency, requests, seconds, new Outcome());
    }

    /** As above, adding to {@code outcome} (its seconds accumulate). */
    private Outcome closedLoop(String baseUrl, java.util.function.Supplier<String> bodies, int concurrency,
            int requests, double seconds, Outcome outcome) throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(requests);
        long deadline = seconds == Double.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    post(baseUrl, bodies.get(), outcome, System.nanoTime());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        outcome.seconds += (System.nanoTime() - start) / 1e9;
        return outcome;
    }

    private List<Outcome> openLoopInterleaved(List<String> baseUrls, double rate, double seconds)
            throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        baseUrls.forEach(u -> outcomes.add(new Outcome()));
        ExecutorService senders = Executors.newFixedThreadPool(256);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        int total = (int) (rate * seconds);
        long periodNanos = (long) (1e9 / rate);
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i < total) {
                String body = nextJsonSync();
                long scheduled = System.nanoTime();
                int target = i % baseUrls.size();
                senders.submit(() -> post(baseUrls.get(target), body, outcomes.get(target), scheduled));
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        outcomes.forEach(o -> o.seconds = elapsed);
        return outcomes;
    }

    private void post(String baseUrl, String body, Outcome outcome, long sent) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/articles"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("X-API-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            outcome.statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (response.statusCode() == 202) {
                outcome.latencies.add((System.nanoTime() - sent) / 1e6);
            }
        } catch (Exception e) {
            outcome.errors.incrementAndGet();
        }
    }

    // ---------------------------------------------------------------- articles (~1 KB of Chinese news text)

    private static final String[] PLACES = {"锦州市", "凌海市", "北镇市", "义县", "黑山县", "太和区", "古塔区"};
    private static final String[] SENTENCES = {
        "%s召开全市经济工作会议，总结今年以来经济运行情况，部署下一阶段重点任务。",
        "今年前三季度，%s地区生产总值同比增长6.2%%，规模以上工业增加值增长8.1%%。",
        "%s新签约亿元以上项目45个，总投资达126.5亿元，其中产业类项目占比超过七成。",
        "据介绍，%s全年粮食产量预计达到25.3亿斤，连续五年保持稳定增长。",
        "%s城镇新增就业1.2万人，城镇登记失业率控制在3.5%%以内。",
        "会议强调，%s要坚持稳中求进工作总基调，全力以赴抓项目、促投资、稳增长。",
        "%s社会消费品零售总额完成320亿元，同比增长4.7个百分点。"};

    private synchronized String nextJsonSync() {
        return nextJson();
    }

    private String nextJson() {
        serial++;
        String place = PLACES[random.nextInt(PLACES.length)];
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            body.append(String.format(SENTENCES[random.nextInt(SENTENCES.length)], place));
        }
        body.append("（编号").append(serial).append("）");
        return "{\"title\":\"" + place + "推进重点项目建设\",\"source\":\"bench\",\"section\":\"经济\","
                + "\"publishedAt\":\"2024-10-2" + random.nextInt(10) + "\",\"body\":\"" + body + "\"}";
    }

    // ---------------------------------------------------------------- helpers

    private void awaitHealthy(String gateway, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/health")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gateway not healthy after 120 s; see " + log);
    }

    private static Duration cpu(Process process) {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double pct(Outcome o, double p) {
        List<Double> sorted;
        synchronized (o.latencies) {
            sorted = new ArrayList<>(o.latencies);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Map<String, Object> summary(Outcome o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("p50Ms", round(pct(o, 50)));
        s.put("p99Ms", round(pct(o, 99)));
        s.put("perSecond", round(o.latencies.size() / o.seconds));
        s.put("statuses", new LinkedHashMap<>(o.statuses));
        if (o.errors.get() > 0) {
            s.put("errors", o.errors.get());
        }
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> r) {
        StringBuilder out = new StringBuilder("\n| phase | direct p50 / p99 ms | gateway p50 / p99 ms | added p50 / p99 ms (%)"
                + " | req/s direct / gateway | gateway CPU ms/req |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> m) || !m.containsKey("gatewayCpuMsPerRequest")) {
                continue;
            }
            Map<String, Object> d = (Map<String, Object>) m.get("direct");
            Map<String, Object> g = (Map<String, Object>) m.get("gateway");
            double addP50 = (double) g.get("p50Ms") - (double) d.get("p50Ms");
            double addP99 = (double) g.get("p99Ms") - (double) d.get("p99Ms");
            out.append(String.format("| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f (%.0f%% / %.0f%%) | %.0f / %.0f | %.3f |%n",
                    e.getKey(), d.get("p50Ms"), d.get("p99Ms"), g.get("p50Ms"), g.get("p99Ms"), addP50, addP99,
                    100 * addP50 / (double) d.get("p50Ms"), 100 * addP99 / (double) d.get("p99Ms"),
                    d.get("perSecond"), g.get("perSecond"), m.get("gatewayCpuMsPerRequest")));
        }
        return out.toString();
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder("{");
            m.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(json(v)));
            return out.append('}').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof AtomicInteger a) {
            return Integer.toString(a.get());
        }
        return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
