package dev.newsflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./newsflow up}: the whole platform on one machine — an in-process KRaft Kafka broker, a MongoDB-wire
 * server persisting under the data directory, and the four services as child JVMs. Stops everything on
 * Ctrl-C or SIGTERM.
 */
public final class LocalStack implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);
    /** Longer than a service's graceful shutdown (Boot's 30 s per phase), so SIGKILL never cuts a clean stop short. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(35);

    private final StackConfig config;
    private final Map<String, String> extraEnvironment;
    private final EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
    private final List<ServiceProcess> services = new ArrayList<>();
    private String apiKeys;
    private String operatorKey;
    private volatile boolean closing;

    public LocalStack(StackConfig config) {
        this(config, Map.of());
    }

    /** A stack whose services also get {@code extraEnvironment} (e.g. settings a test needs). */
    public LocalStack(StackConfig config, Map<String, String> extraEnvironment) {
        this.config = config;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("""
                    Usage: newsflow up [--demo]
                    Starts Kafka (embedded KRaft), a MongoDB-wire server (data in $NEWSFLOW_DATA_DIR, default ./data)
                    and the four services; prints the gateway URL and the API key; Ctrl-C stops everything.
                      --demo   also loads a few demo articles so the query API has something to show
                    Environment: NEWSFLOW_API_KEYS, NEWSFLOW_DATA_DIR, NEWSFLOW_GATEWAY_PORT (8080), NEWSFLOW_INGEST_PORT (8081),
                    NEWSFLOW_NLP_PORT (8082), NEWSFLOW_METRICS_PORT (8083),
                    NEWSFLOW_MONGO_PORT (27017), NEWSFLOW_NLP_INSTANCES (1; more run in the nlp-service consumer
                    group on free ports, the gateway calls the first), NEWSFLOW_MONGO_STORE (file; memory: faster, gone
                    at stop), KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI (use external ones instead),
                    NEWSFLOW_JAVA_OPTS (JVM options of the services).""");
            return;
        }
        StackConfig config = StackConfig.fromEnvironment(System.getenv(), arguments.contains("--demo"));
        LocalStack stack = new LocalStack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("newsflow: stopping...");
            stack.close();
            System.out.println("newsflow: stopped");
            stopped.countDown();
        }, "newsflow-shutdown"));
        try {
            stack.start(System.out);
        } catch (Exception e) {
            System.err.println("newsflow: could not start: " + e.getMessage());
            System.exit(1);
        }
        stack.watch();
        stopped.await();
    }

    /** Starts the infrastructure and the services and waits until every one is healthy. */
    public void start(PrintStream out) throws IOException, InterruptedException {
        long started = System.nanoTime();
        if (config.apiKeys() != null) {
            apiKeys = config.apiKeys();
            operatorKey = ApiKeys.firstKeyWithScope(apiKeys, "ingest");
        } else {
            operatorKey = ApiKeyFile.loadOrCreate(config.dataDir());
            apiKeys = operatorKey + ":admin";
        }
        infrastructure.start(config);
        out.println("newsflow: kafka " + infrastructure.kafkaBootstrap() + ", mongodb " + infrastructure.mongoUri()
                + (config.mongoUri() == null && config.mongoInMemory() ? " (in memory)" : ""));

        Map<String, String> env = new java.util.HashMap<>(extraEnvironment);
        env.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrap(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrap(),
                "MONGODB_URI", infrastructure.mongoUri(),
                "SPRING_MONGODB_URI", infrastructure.mongoUri(),
                "INGEST_URL", "http://127.0.0.1:" + config.ingestPort(),
                "NLP_URL", "http://127.0.0.1:" + config.nlpPort(),
                "METRICS_URL", "http://127.0.0.1:" + config.metricsPort(),
                "NEWSFLOW_API_KEYS", apiKeys));
        Path logs = config.dataDir().resolve("logs");
        services.add(service("nlp-service", "nlp-service", config.nlpPort(), "-Xmx1g", env, logs));
        for (int i = 2; i <= config.nlpInstances(); i++) {
            services.add(service("nlp-service", "nlp-service-" + i, freePort(), "-Xmx1g", env, logs));
        }
        services.add(service("metrics-service", "metrics-service", config.metricsPort(), "-Xmx512m", env, logs));
        services.add(service("ingest-service", "ingest-service", config.ingestPort(), "-Xmx384m", env, logs));
        services.add(service("gateway", "gateway", config.gatewayPort(), "-Xmx256m", env, logs));
        for (ServiceProcess service : services) {
            service.start();
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(STARTUP_TIMEOUT);
            out.println("newsflow: " + service.name() + " healthy on port " + service.port());
        }
        if (config.demo()) {
            int loaded = new DemoLoader(gatewayUrl(), operatorKey).load();
            out.println("newsflow: loaded " + loaded + " demo articles");
        }
        out.printf("newsflow: ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.println("newsflow: gateway " + gatewayUrl());
        out.println("newsflow: API key " + (config.apiKeys() != null ? "(from NEWSFLOW_API_KEYS)" : operatorKey
                + " (admin; saved in " + config.dataDir().resolve("api-key") + ")"));
        out.println("newsflow: logs in " + logs + "; Ctrl-C to stop");
    }

    private ServiceProcess service(String module, String name, int port, String heap, Map<String, String> env, Path logs) {
        Path jar = config.home().resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        List<String> options = new ArrayList<>(List.of(config.javaOptions().split("\\s+")));
        options.removeIf(String::isBlank);
        options.add(heap);
        return new ServiceProcess(name, jar, port, env, options, logs);
    }

    /** Reports a service that dies while the stack runs (the others keep running). */
    private void watch() throws InterruptedException {
        List<ServiceProcess> reported = new ArrayList<>();
        while (true) {
            for (ServiceProcess service : services) {
                if (!closing && !service.isAlive() && !reported.contains(service)) {
                    System.err.println("newsflow: " + service.name() + " stopped; see " + service.log());
                    reported.add(service);
                }
            }
            Thread.sleep(2000);
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + config.gatewayPort();
    }

    public String kafkaBootstrap() {
        return infrastructure.kafkaBootstrap();
    }

    public String mongoUri() {
        return infrastructure.mongoUri();
    }

    /** The names of the running stack's services: nlp-service[-2, -3...], metrics-service, ingest-service, gateway. */
    public List<String> serviceNames() {
        return services.stream().map(ServiceProcess::name).toList();
    }

    /** CPU time one service's JVM has used so far (benchmarks take differences). */
    public java.time.Duration cpuTime(String name) {
        return service(name).cpuTime();
    }

    /** Stops one service gracefully (SIGTERM; for tests of the platform's behaviour when a service is down). */
    public void stopService(String name) {
        service(name).stop(STOP_GRACE);
    }

    /** Kills one service as {@code kill -9} would (SIGKILL) and waits until it is gone. */
    public void killService(String name) throws InterruptedException {
        service(name).kill();
    }

    /** Starts stopped or killed services again (all at once) and waits until each is healthy. */
    public void restartServices(String... names) throws IOException, InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        for (String name : names) {
            ServiceProcess service = service(name);
            service.start();
            started.add(service);
        }
        for (ServiceProcess service : started) {
            service.awaitHealthy(STARTUP_TIMEOUT);
        }
    }

    /** Stops the embedded Kafka broker (same port and log directory when {@link #startKafka started} again). */
    public void stopKafka() {
        infrastructure.stopKafka();
    }

    public void startKafka() {
        infrastructure.startKafka();
    }

    /** Stops the embedded MongoDB server (connections refused until {@link #startMongo}; same port and file). */
    public void stopMongo() {
        infrastructure.stopMongo();
    }

    public void startMongo() {
        infrastructure.startMongo();
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service '" + name + "'; running: " + serviceNames()));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        // the gateway first so that no new work comes in, then the producers before the consumers
        List<ServiceProcess> order = new ArrayList<>(services);
        java.util.Collections.reverse(order);
        order.forEach(s -> s.stop(STOP_GRACE));
        services.clear();
        infrastructure.close();
    }
}
