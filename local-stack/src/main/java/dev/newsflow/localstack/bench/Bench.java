package dev.newsflow.localstack.bench;

import dev.newsflow.localstack.LocalStack;
import dev.newsflow.localstack.StackConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./newsflow bench}: NLP alone, Kafka alone, the whole pipeline and the gateway's overhead, side by side in
 * one run on this machine; results as JSON and Markdown under {@code bench/results/}.
 */
public final class Bench {

    private static final String KEY = "bench-key";
    /** Articles per NDJSON request in the pipeline phases: feeds post batches, as the ingest API invites. */
    private static final int BATCH = 25;
    /** Single-article posts per second when comparing the gateway with ingest-service at a moderate load. */
    private static final double GATEWAY_PROBE_RATE = 20;
    /** Posts of one article to each of ingest-service and the gateway (twice) before their latencies are compared. */
    private static final int WARM_UP_REQUESTS = 1500;
    /**
     * Then posts of that article with a url ingest-service rejects (400 once it has parsed the whole article), to each
     * of ingest-service and the gateway: the gateway's chain of reactive operators is compiled by C2 only after some
     * 20,000 requests (gateway/bench.sh at 20/s: +2.6 ms after 3,000 posts, +1.5 to +1.8 ms after 20,000), and
     * rejected posts warm the same proxy path without feeding the pipeline 40,000 more articles.
     */
    private static final int REJECTED_WARM_UP_REQUESTS = 20_000;
    /** The embedded MongoDB-wire server keeps its documents in memory unless {@code NEWSFLOW_MONGO_STORE=file}. */
    private static final boolean MONGO_IN_MEMORY = !"file".equals(System.getenv("NEWSFLOW_MONGO_STORE"));
    /** Accepted but not yet stored articles a feed lets pile up before it holds back. */
    private static final int MAX_BACKLOG = 2000;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Path home;
    private final double seconds;
    private final Map<String, Object> results = new LinkedHashMap<>();
    /** What the platform is fed: a live feed's articles, published over the last three days (not a year's archive). */
    private final ArticleCorpus corpus = ArticleCorpus.liveFeed(42, java.time.LocalDate.of(2024, 12, 31), 3);
    /** The stack a phase runs on, closed by the shutdown hook if the run is interrupted (Ctrl-C, SIGTERM). */
    private volatile LocalStack running;
    /** Whether the gateway comparison waits for the pipeline to finish the warm-up's articles first. */
    private final boolean drainBeforeGateway;

    private Bench(Path home, double seconds, boolean drainBeforeGateway) {
        this.home = home;
        this.seconds = seconds;
        this.drainBeforeGateway = drainBeforeGateway;
    }

    public static void main(String[] args) throws Exception {
        double seconds = 60;
        boolean load = false;
        boolean pipelineOnly = false;
        boolean gatewayOnly = false;
        boolean drainBeforeGateway = true;
        double probeSeconds = 10;
        double startRate = 25;
        double maxRate = 5000;
        double drainMinutes = 30;
        double rate = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--load" -> load = true;
                case "--probe-seconds" -> probeSeconds = Double.parseDouble(args[++i]);
                case "--start-rate" -> startRate = Double.parseDouble(args[++i]);
                case "--max-rate" -> maxRate = Double.parseDouble(args[++i]);
                case "--drain-minutes" -> drainMinutes = Double.parseDouble(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--pipeline-only" -> pipelineOnly = true;
                case "--gateway-only" -> gatewayOnly = true;
                case "--no-drain" -> drainBeforeGateway = false;
                case "--help" -> {
                    System.out.println("""
                            Usage: newsflow bench [--seconds 60] [--pipeline-only | --gateway-only]   (each phase runs for about that long; 10-15 minutes in all)
                              --pipeline-only  only the pipeline phases (saturation, latency at 50% and 90%): 4-5 minutes
                              --gateway-only   only the gateway's overhead (warm-up, 20/s alternating, back to back): 3-4 minutes,
                                               bench/results/STAMP-gateway.json; --no-drain starts the 20/s comparison without
                                               waiting for the pipeline to finish the warm-up's articles (as before session 5)
                                   newsflow bench --load [--seconds 60] [--probe-seconds 10] [--start-rate 25]
                                                  [--max-rate 5000] [--drain-minutes 30] [--rate R]
                              --load  the overload test: the highest rate of POST /articles through the gateway with
                                      p99 < 200 ms (probes rising by half), held for --seconds, then twice that rate for
                                      --seconds; checks 429/back-pressure instead of 5xx, every 202 stored, lag drained;
                                      --rate R skips the search and holds R, then 2R""");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
            }
        }
        Path home = Path.of(System.getenv().getOrDefault("NEWSFLOW_HOME", ".")).toAbsolutePath().normalize();
        if (pipelineOnly && gatewayOnly) {
            throw new IllegalArgumentException("--pipeline-only and --gateway-only exclude each other");
        }
        Bench bench = new Bench(home, seconds, drainBeforeGateway);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack stack = bench.running;
            if (stack != null) {
                stack.close();
            }
        }, "bench-shutdown"));
        if (load) {
            bench.runLoad(probeSeconds, startRate, maxRate, Duration.ofSeconds((long) (drainMinutes * 60)), rate);
        } else if (gatewayOnly) {
            bench.runGateway();
        } else {
            bench.run(pipelineOnly);
        }
        System.exit(0);
    }

    /** What every results file starts with: the machine, when the run started, how long each phase ran. */
    private void putRunHeader() {
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        results.put("startedAt", Instant.now().toString());
        results.put("phaseSeconds", seconds);
    }

    private void runLoad(double probeSeconds, double startRate, double maxRate, Duration drain, double rate) throws Exception {
        putRunHeader();
        Path data = Files.createTempDirectory("newsflow-load-data");
        StackConfig config = stackConfig(data);
        try (LocalStack stack = new LocalStack(config)) {
            running = stack;
            stack.start(System.out);
            LoadTest test = new LoadTest(new LoadClient(KEY), corpus, stack.gatewayUrl(),
                    "http://127.0.0.1:" + config.metricsPort(), stack.kafkaBootstrap(), seconds, probeSeconds, startRate,
                    maxRate, drain, rate);
            results.put("load", test.run());
        }
        writeJson("-load");
    }

    /** Writes the results as {@code bench/results/STAMP<suffix>.json} only (the partial runs). */
    private void writeJson(String suffix) throws Exception {
        Path dir = home.resolve("bench/results");
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        String jsonText = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.writeString(dir.resolve(stamp + suffix + ".json"), jsonText);
        System.out.println(jsonText);
        System.out.println("bench: results in " + dir.resolve(stamp + suffix + ".json"));
    }

    /** Only the gateway's overhead phase on a fresh stack: {@code bench/results/STAMP-gateway.json}. */
    private void runGateway() throws Exception {
        putRunHeader();
        results.put("mongoStore", MONGO_IN_MEMORY ? "memory" : "file");
        Path data = Files.createTempDirectory("newsflow-bench-gateway");
        StackConfig config = stackConfig(data);
        try (LocalStack stack = new LocalStack(config)) {
            running = stack;
            stack.start(System.out);
            results.put("gatewayOverhead", gatewayOverhead(new LoadClient(KEY), stack, stack.gatewayUrl(),
                    "http://127.0.0.1:" + config.ingestPort()));
        }
        writeJson("-gateway");
    }

    private void run(boolean pipelineOnly) throws Exception {
        putRunHeader();
        results.put("mongoStore", MONGO_IN_MEMORY ? "memory" : "file");
        Path corpusFile = Files.createTempFile("newsflow-bench", ".ndjson");
        Files.write(corpusFile, new ArticleCorpus(7).next(3000), StandardCharsets.UTF_8);

        int cores = Runtime.getRuntime().availableProcessors();
        if (!pipelineOnly) {
            results.put("nlpOneThread", nlpAlone(corpusFile, 1));
            results.put("nlpAllCores", nlpAlone(corpusFile, cores));
        }

        Path data = Files.createTempDirectory("newsflow-bench-data");
        StackConfig config = stackConfig(data);
        try (LocalStack stack = new LocalStack(config)) {
            running = stack;
            stack.start(System.out);
            LoadClient client = new LoadClient(KEY);
            if (!pipelineOnly) {
                results.put("kafkaAlone", kafkaAlone(stack.kafkaBootstrap(), corpusFile));
                results.put("gatewayOverhead", gatewayOverhead(client, stack, stack.gatewayUrl(), "http://127.0.0.1:" + config.ingestPort()));
            }
            String metricsUrl = "http://127.0.0.1:" + config.metricsPort();
            // JIT warm-up of every service (C2 compiles for the first minute), not measured
            client.closedLoopBatches(stack.gatewayUrl(), corpus, 4, BATCH, Math.min(30, seconds / 2),
                    sofar -> sofar.acceptedIds.size() < MAX_BACKLOG / 2);
            awaitDrained(stack.kafkaBootstrap(), "nlp-service", dev.newsflow.events.Topics.ARTICLES_RAW);
            awaitDrained(stack.kafkaBootstrap(), "metrics-service", dev.newsflow.events.Topics.ARTICLES_ENRICHED);
            Map<String, Object> saturation = saturation(client, stack, metricsUrl);
            results.put("pipelineSaturation", saturation);
            double rate = (double) saturation.get("storedPerSecond");
            // the saturation phase's load shape (NDJSON batches), then single-article posts: 25 times the requests
            results.put("pipelineAt50Percent", latencyAt(client, stack.gatewayUrl(), metricsUrl, Math.max(1, rate * 0.5), BATCH));
            results.put("pipelineAt90Percent", latencyAt(client, stack.gatewayUrl(), metricsUrl, Math.max(1, rate * 0.9), BATCH));
            results.put("singlePostsAt50Percent", latencyAt(client, stack.gatewayUrl(), metricsUrl, Math.max(1, rate * 0.5), 1));
        }
        if (pipelineOnly) {
            writeJson("-pipeline");
            return;
        }
        results.put("scaling", scaling());
        write();
    }

    /**
     * nlp-service instances 3, 2, 1 (one consumer thread each, one group, 3 partitions): the same articles posted in
     * NDJSON batches straight to ingest, timed until the nlp group, then the metrics group, has committed them all.
     */
    private Map<String, Object> scaling() throws Exception {
        Path data = Files.createTempDirectory("newsflow-bench-scaling");
        StackConfig config = stackConfig(data)
                .withNlpInstances(3);
        Map<String, Object> r = new LinkedHashMap<>();
        int articles = (int) Math.max(1000, seconds * 15);
        r.put("articlesPerStep", articles);
        r.put("consumerThreadsPerInstance", 1);
        try (LocalStack stack = new LocalStack(config, Map.of("NEWSFLOW_NLP_CONCURRENCY", "1"))) {
            running = stack;
            stack.start(System.out);
            LoadClient client = new LoadClient(KEY);
            String ingest = "http://127.0.0.1:" + config.ingestPort();
            drainTimed(client, ingest, stack.kafkaBootstrap(), articles); // warm-up
            for (int instances = 3; instances >= 1; instances--) {
                if (instances < 3) {
                    stack.stopService("nlp-service-" + (instances + 1));
                }
                Map<String, Object> step = drainTimed(client, ingest, stack.kafkaBootstrap(), articles);
                r.put(instances + (instances == 1 ? " instance" : " instances"), step);
                System.out.println("bench: scaling, " + instances + " nlp-service instance(s): " + step);
            }
        }
        return r;
    }

    private Map<String, Object> drainTimed(LoadClient client, String ingest, String bootstrap, int articles) throws Exception {
        long start = System.nanoTime();
        int posted = 0;
        while (posted < articles) {
            int n = Math.min(BATCH * 4, articles - posted);
            LoadClient.Outcome outcome = client.postBatch(ingest, corpus, n);
            posted += n;
            if (outcome.acceptedIds.size() < n) {
                throw new IllegalStateException("ingest accepted " + outcome.acceptedIds.size() + " of " + n + ": " + outcome.statuses);
            }
        }
        awaitDrained(bootstrap, "nlp-service", dev.newsflow.events.Topics.ARTICLES_RAW);
        double enriched = (System.nanoTime() - start) / 1e9;
        awaitDrained(bootstrap, "metrics-service", dev.newsflow.events.Topics.ARTICLES_ENRICHED);
        double stored = (System.nanoTime() - start) / 1e9;
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("enrichedPerSecond", articles / enriched);
        step.put("storedPerSecond", articles / stored);
        return step;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> nlpAlone(Path corpusFile, int threads) throws Exception {
        Path jar = home.resolve("nlp-service/target/nlp-service-0.1.0-SNAPSHOT-exec.jar");
        Process process = new ProcessBuilder(javaBin(), "-Xmx2g", "-Dloader.main=dev.newsflow.nlp.bench.NlpBench", "-cp", jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", corpusFile.toString(), String.valueOf(seconds / 2),
                String.valueOf(threads)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("{")) {
                    last = line;
                }
            }
        }
        process.waitFor();
        if (last == null) {
            throw new IllegalStateException("NLP benchmark printed no result (exit " + process.exitValue() + ")");
        }
        Map<String, Object> parsed = JSON.readValue(last, Map.class);
        System.out.println("bench: nlp " + threads + " thread(s): " + last);
        return parsed;
    }

    private Map<String, Object> kafkaAlone(String bootstrap, Path corpusFile) throws Exception {
        List<String> payloads = Files.readAllLines(corpusFile, StandardCharsets.UTF_8);
        String topic = "bench.kafka." + UUID.randomUUID().toString().substring(0, 8);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (AdminClient client = AdminClient.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // as the services' producers
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long sent = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds / 2 * 1e9);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            while (System.nanoTime() < deadline) {
                String value = payloads.get((int) (sent % payloads.size()));
                producer.send(new ProducerRecord<>(topic, String.valueOf(sent), value));
                sent++;
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long consumed = 0;
        long consumeStart = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            while (consumed < sent && System.nanoTime() - consumeStart < 120e9) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double consumeSeconds = (System.nanoTime() - consumeStart) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messages", sent);
        r.put("producedPerSecond", sent / produceSeconds);
        r.put("consumedPerSecond", consumed / consumeSeconds);
        System.out.println("bench: kafka alone " + r);
        return r;
    }

    /**
     * The same single-article posts straight to ingest-service and through the gateway: at a fixed moderate rate in
     * one open-loop phase whose requests alternate between the two (so both see the same machine load and pipeline
     * backlog: latency is the request path's, not a queue's), then back to back from 4 clients (saturation, where every
     * extra hop's CPU shows up as queueing on this 2-core machine). Also the CPU time each of the two processes spends
     * per request in the back-to-back runs. The warm-up's posts are articles for the pipeline too: the comparison
     * starts once nlp-service and metrics-service have caught up with them (unless {@code --no-drain}), so that it does
     * not run while the rest of the machine works off a backlog.
     */
    private Map<String, Object> gatewayOverhead(LoadClient client, LocalStack stack, String gateway, String ingest) throws Exception {
        int requests = (int) Math.max(200, seconds * 20);
        double rate = GATEWAY_PROBE_RATE;
        // warm-up: both paths JIT-compiled, as in a long-running deployment (the gateway's reactive chain needs
        // thousands of requests; with a few hundred the comparison measured mostly interpreted code)
        String article = corpus.nextJson();
        for (int round = 0; round < 2; round++) {
            client.warmUp(ingest, article, 4, WARM_UP_REQUESTS);
            client.warmUp(gateway, article, 4, WARM_UP_REQUESTS);
        }
        String rejected = withInvalidUrl(article);
        LoadClient.Outcome rejectedDirect = client.warmUp(ingest, rejected, 4, REJECTED_WARM_UP_REQUESTS);
        LoadClient.Outcome rejectedThrough = client.warmUp(gateway, rejected, 4, REJECTED_WARM_UP_REQUESTS);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("warmUpPostsPerPath", 2 * WARM_UP_REQUESTS);
        r.put("rejectedWarmUpPostsPerPath", REJECTED_WARM_UP_REQUESTS);
        r.put("rejectedWarmUpStatuses", Map.of("direct", rejectedDirect.statuses.counts(), "gateway", rejectedThrough.statuses.counts()));
        // the warm-up's posts are work for nlp and metrics (a resubmitted article is still published and enriched):
        // let the pipeline finish it, so both paths are compared on a machine doing only the comparison's own work
        r.put("drainedBeforeComparison", drainBeforeGateway);
        if (drainBeforeGateway) {
            long drainStart = System.nanoTime();
            awaitDrained(stack.kafkaBootstrap(), "nlp-service", dev.newsflow.events.Topics.ARTICLES_RAW);
            awaitDrained(stack.kafkaBootstrap(), "metrics-service", dev.newsflow.events.Topics.ARTICLES_ENRICHED);
            r.put("drainAfterWarmUpSeconds", (System.nanoTime() - drainStart) / 1e9);
        }
        r.put("openLoopRate", rate);
        List<LoadClient.Outcome> open = client.openLoopInterleaved(List.of(ingest, gateway), corpus, rate, seconds);
        LoadClient.Outcome directOpen = open.get(0);
        LoadClient.Outcome throughOpen = open.get(1);
        r.put("openDirectP50Ms", LoadClient.percentile(directOpen.latencies, 50));
        r.put("openDirectP99Ms", LoadClient.percentile(directOpen.latencies, 99));
        r.put("openGatewayP50Ms", LoadClient.percentile(throughOpen.latencies, 50));
        r.put("openGatewayP99Ms", LoadClient.percentile(throughOpen.latencies, 99));
        r.put("openAddedLatencyP50Percent", 100 * (LoadClient.percentile(throughOpen.latencies, 50)
                / LoadClient.percentile(directOpen.latencies, 50) - 1));
        r.put("openAddedLatencyP99Percent", 100 * (LoadClient.percentile(throughOpen.latencies, 99)
                / LoadClient.percentile(directOpen.latencies, 99) - 1));
        Duration ingestCpu0 = stack.cpuTime("ingest-service");
        Duration gatewayCpu0 = stack.cpuTime("gateway");
        LoadClient.Outcome direct = client.closedLoop(ingest, corpus, 4, requests);
        Duration ingestCpu1 = stack.cpuTime("ingest-service");
        Duration gatewayCpu1 = stack.cpuTime("gateway");
        LoadClient.Outcome through = client.closedLoop(gateway, corpus, 4, requests);
        Duration ingestCpu2 = stack.cpuTime("ingest-service");
        Duration gatewayCpu2 = stack.cpuTime("gateway");
        // ingest's CPU per request (direct run) and the gateway's (the through run, where ingest works as well)
        r.put("ingestCpuMsPerRequest", ingestCpu1.minus(ingestCpu0).toNanos() / 1e6 / requests);
        r.put("gatewayCpuMsPerRequest", gatewayCpu2.minus(gatewayCpu1).toNanos() / 1e6 / requests);
        r.put("requests", requests);
        r.put("directP50Ms", LoadClient.percentile(direct.latencies, 50));
        r.put("directP99Ms", LoadClient.percentile(direct.latencies, 99));
        r.put("gatewayP50Ms", LoadClient.percentile(through.latencies, 50));
        r.put("gatewayP99Ms", LoadClient.percentile(through.latencies, 99));
        r.put("directPerSecond", direct.accepted() / direct.seconds);
        r.put("gatewayPerSecond", through.accepted() / through.seconds);
        r.put("gatewayRejected", requests - through.accepted());
        r.put("addedLatencyP50Percent", 100 * (LoadClient.percentile(through.latencies, 50) / LoadClient.percentile(direct.latencies, 50) - 1));
        System.out.println("bench: gateway overhead " + r);
        return r;
    }

    /** The article with a url that ingest-service rejects after parsing it (400 problem+json: nothing is published). */
    private static String withInvalidUrl(String article) {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(article);
        node.put("url", "not a url");
        return JSON.writeValueAsString(node);
    }

    /**
     * 4 feeds posting NDJSON batches back to back through the gateway for the phase, holding back while more than
     * {@link #MAX_BACKLOG} accepted articles are not stored yet (so the phase measures the sustained rate, not how
     * fast Kafka buffers); the rate is what the metrics service committed during the phase.
     */
    private Map<String, Object> saturation(LoadClient client, LocalStack stack, String metrics) throws Exception {
        String gateway = stack.gatewayUrl();
        String bootstrap = stack.kafkaBootstrap();
        AggregateFreshness freshness = new AggregateFreshness(metrics);
        Map<String, Duration> cpuBefore = cpuTimes(stack);
        double aggregatedBefore = freshness.buckets().getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        try (AdminClient admin = AdminClient.create(props)) {
            long storedBefore = committed(admin, "metrics-service", dev.newsflow.events.Topics.ARTICLES_ENRICHED);
            java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong(storedBefore);
            Thread watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        stored.set(committed(admin, "metrics-service", dev.newsflow.events.Topics.ARTICLES_ENRICHED));
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // transient admin failure: keep the last figure
                    }
                }
            });
            watcher.start();
            LoadClient.Outcome outcome = client.closedLoopBatches(gateway, corpus, 4, BATCH, seconds,
                    sofar -> sofar.acceptedIds.size() - (stored.get() - storedBefore) < MAX_BACKLOG);
            watcher.interrupt();
            watcher.join();
            long storedDuring = committed(admin, "metrics-service", dev.newsflow.events.Topics.ARTICLES_ENRICHED) - storedBefore;
            // articles whose contribution reached the aggregates during the phase (the applier trails by <= max-pending)
            double aggregatedDuring = freshness.buckets().getOrDefault(Double.POSITIVE_INFINITY, 0.0) - aggregatedBefore;
            long drainStart = System.nanoTime();
            awaitDrained(bootstrap, "nlp-service", dev.newsflow.events.Topics.ARTICLES_RAW);
            awaitDrained(bootstrap, "metrics-service", dev.newsflow.events.Topics.ARTICLES_ENRICHED);
            int accepted = outcome.acceptedIds.size();
            Map<String, Duration> cpuAfter = cpuTimes(stack);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("batch", BATCH);
            // what each layer costs: CPU of each process over the phase and its drain, per accepted article
            Map<String, Double> cpuPerArticle = new LinkedHashMap<>();
            cpuBefore.forEach((name, before) -> cpuPerArticle.put(name, cpuAfter.get(name).minus(before).toNanos() / 1e6 / Math.max(1, accepted)));
            r.put("cpuMsPerArticle", cpuPerArticle);
            r.put("maxBacklog", MAX_BACKLOG);
            r.put("accepted", accepted);
            r.put("statuses", new HashMap<>(outcome.statuses));
            r.put("postingSeconds", outcome.seconds);
            r.put("storedDuringPhase", storedDuring);
            r.put("drainSeconds", (System.nanoTime() - drainStart) / 1e9);
            r.put("acceptedPerSecond", accepted / outcome.seconds);
            r.put("storedPerSecond", storedDuring / outcome.seconds);
            r.put("aggregatedPerSecond", aggregatedDuring / outcome.seconds);
            System.out.println("bench: saturation " + r);
            return r;
        }
    }

    /**
     * CPU time so far of each service, and of this process's Kafka broker, MongoDB-wire server and load client threads
     * ({@link InProcessCpu}).
     */
    private static Map<String, Duration> cpuTimes(LocalStack stack) {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (String service : List.of("gateway", "ingest-service", "nlp-service", "metrics-service")) {
            out.put(service, stack.cpuTime(service));
        }
        out.putAll(InProcessCpu.byRole());
        return out;
    }

    private static long committed(AdminClient admin, String group, String topic) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Ingest-to-queryable latency of a sample of the articles posted at {@code rate} per second, {@code batch} per request. */
    private Map<String, Object> latencyAt(LoadClient client, String gateway, String metrics, double rate, int batch) throws Exception {
        AggregateFreshness freshness = new AggregateFreshness(metrics);
        freshness.awaitApplied(Duration.ofMinutes(2));
        Map<Double, Double> aggregatedBefore = freshness.buckets();
        LoadClient.Outcome outcome = new LoadClient.Outcome();
        Map<String, Long> pending = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> sampled = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        // each sampled id is polled again after max(20 ms, 5% of its age): the figure is at most 5% late, and a backlog
        // does not turn the poller into a flood of reads on the metrics service (every id every 20 ms: thousands/s)
        Map<String, Long> nextPoll = new HashMap<>();
        long[] polls = {0};
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() || !pending.isEmpty()) {
                for (Iterator<Map.Entry<String, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<String, Long> e = it.next();
                    long now = System.nanoTime();
                    if (now < nextPoll.getOrDefault(e.getKey(), 0L)) {
                        continue;
                    }
                    polls[0]++;
                    if (client.isStored(metrics, e.getKey())) {
                        latencies.add((System.nanoTime() - e.getValue()) / 1e6);
                        it.remove();
                        nextPoll.remove(e.getKey());
                    } else if (now - e.getValue() > 120e9) {
                        it.remove();
                        nextPoll.remove(e.getKey());
                    } else {
                        nextPoll.put(e.getKey(), now + Math.max(20_000_000L, (now - e.getValue()) / 20));
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        poller.start();
        Thread feeder = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                outcome.acceptedIds.forEach((id, sent) -> {
                    if (id.hashCode() % 10 == 0 && sampled.add(id)) {
                        pending.put(id, sent);
                    }
                });
                try {
                    Thread.sleep(5);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        feeder.start();
        // the feeder samples accepted ids while the load runs, so each is polled from the moment it is accepted
        LoadClient.Outcome done = batch > 1 ? client.openLoopBatches(gateway, corpus, rate, batch, seconds, outcome)
                : client.openLoop(gateway, corpus, rate, seconds, outcome);
        done.acceptedIds.forEach((id, sent) -> {
            if (id.hashCode() % 10 == 0 && sampled.add(id)) {
                pending.put(id, sent);
            }
        });
        feeder.interrupt();
        long waitUntil = System.nanoTime() + (long) 120e9;
        while (!pending.isEmpty() && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        poller.interrupt();
        poller.join(5000);
        freshness.awaitApplied(Duration.ofMinutes(2));
        Map<Double, Double> aggregatedAfter = freshness.buckets();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("targetPerSecond", rate);
        r.put("articlesPerRequest", batch);
        // articles, as "sampled" (an NDJSON request of `batch` articles accepts up to `batch` ids)
        r.put("accepted", done.acceptedIds.size());
        r.put("acceptedRequests", done.accepted());
        r.put("ingestP99Ms", LoadClient.percentile(done.latencies, 99));
        r.put("sampled", latencies.size());
        r.put("pollsPerSecond", polls[0] / done.seconds);
        r.put("queryableP50Ms", LoadClient.percentile(latencies, 50));
        r.put("queryableP95Ms", LoadClient.percentile(latencies, 95));
        r.put("queryableP99Ms", LoadClient.percentile(latencies, 99));
        // every article of the phase (not only the sampled tenth), as recorded by the metrics service
        r.put("aggregatedP50Ms", AggregateFreshness.percentileMs(aggregatedBefore, aggregatedAfter, 0.50));
        r.put("aggregatedP99Ms", AggregateFreshness.percentileMs(aggregatedBefore, aggregatedAfter, 0.99));
        System.out.println("bench: at " + String.format(Locale.ROOT, "%.1f", rate) + "/s, " + batch + " per request " + r);
        return r;
    }

    /** Waits until a consumer group has committed everything on a topic (its lag is zero). */
    private static void awaitDrained(String bootstrap, String group, String topic) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        try (AdminClient admin = AdminClient.create(props)) {
            long deadline = System.nanoTime() + (long) 900e9;
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                committed.keySet().stream().filter(tp -> tp.topic().equals(topic))
                        .forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long lag = ends.entrySet().stream()
                        .mapToLong(e -> e.getValue().offset() - (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset()))
                        .sum();
                if (!latest.isEmpty() && lag == 0) {
                    return;
                }
                Thread.sleep(100);
            }
        }
    }

    private void write() throws Exception {
        Path dir = home.resolve("bench/results");
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        String jsonText = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.writeString(dir.resolve(stamp + ".json"), jsonText);
        String markdown = Report.markdown(results);
        Files.writeString(dir.resolve(stamp + ".md"), markdown);
        Files.writeString(dir.resolve("latest.md"), markdown);
        System.out.println(markdown);
        System.out.println("bench: results in " + dir.resolve(stamp + ".json"));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The benchmark's stack: free ports, full JIT, and the embedded MongoDB-wire server in memory unless
     * {@code NEWSFLOW_MONGO_STORE=file} (its file store serialises every updated document, a cost real MongoDB does not
     * have: the benchmark measures the platform, not the stand-in's persistence).
     */
    private StackConfig stackConfig(Path data) throws Exception {
        StackConfig config = new StackConfig(home, data, null, null, 0, port(), port(), port(), port(), KEY + ":admin",
                System.getenv().getOrDefault("NEWSFLOW_JAVA_OPTS", "-XX:+UseSerialGC"), false);
        return MONGO_IN_MEMORY ? config.withMongoInMemory() : config;
    }

    private static int port() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
