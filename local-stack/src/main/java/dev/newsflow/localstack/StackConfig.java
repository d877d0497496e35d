package dev.newsflow.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the local stack starts and where. Built from the environment by {@link #fromEnvironment}; tests build
 * their own with free ports and a temporary data directory.
 *
 * @param home            the repository root (where the services' exec jars are built)
 * @param dataDir         MongoDB file, API key, service logs
 * @param kafkaBootstrap  an external Kafka to use instead of the embedded broker, or null
 * @param mongoUri        an external MongoDB to use instead of the embedded server, or null
 * @param mongoPort       port of the embedded MongoDB-wire server (0 = any free port)
 * @param apiKeys         NEWSFLOW_API_KEYS, or null to generate (and keep) an admin key
 * @param javaOptions     JVM options for each service
 * @param nlpInstances    how many nlp-service instances (one consumer group; the gateway calls the first)
 * @param mongoInMemory   the embedded MongoDB-wire server keeps its documents in memory instead of in a file (gone when
 *                        the stack stops, but several times faster: the file store serialises every updated document)
 */
public record StackConfig(
        Path home,
        Path dataDir,
        String kafkaBootstrap,
        String mongoUri,
        int mongoPort,
        int gatewayPort,
        int ingestPort,
        int nlpPort,
        int metricsPort,
        String apiKeys,
        String javaOptions,
        boolean demo,
        int nlpInstances,
        boolean mongoInMemory) {

    public StackConfig {
        if (nlpInstances < 1) {
            throw new IllegalArgumentException("NEWSFLOW_NLP_INSTANCES must be at least 1, not " + nlpInstances);
        }
    }

    public StackConfig(Path home, Path dataDir, String kafkaBootstrap, String mongoUri, int mongoPort, int gatewayPort,
            int ingestPort, int nlpPort, int metricsPort, String apiKeys, String javaOptions, boolean demo, int nlpInstances) {
        this(home, dataDir, kafkaBootstrap, mongoUri, mongoPort, gatewayPort, ingestPort, nlpPort, metricsPort, apiKeys,
                javaOptions, demo, nlpInstances, false);
    }

    /** One nlp-service instance. */
    public StackConfig(Path home, Path dataDir, String kafkaBootstrap, String mongoUri, int mongoPort, int gatewayPort,
            int ingestPort, int nlpPort, int metricsPort, String apiKeys, String javaOptions, boolean demo) {
        this(home, dataDir, kafkaBootstrap, mongoUri, mongoPort, gatewayPort, ingestPort, nlpPort, metricsPort, apiKeys,
                javaOptions, demo, 1);
    }

    /** The same stack with {@code n} nlp-service instances. */
    public StackConfig withNlpInstances(int n) {
        return new StackConfig(home, dataDir, kafkaBootstrap, mongoUri, mongoPort, gatewayPort, ingestPort, nlpPort,
                metricsPort, apiKeys, javaOptions, demo, n, mongoInMemory);
    }

    /** The same stack with the embedded MongoDB-wire server in memory (benchmarks, the fault suite). */
    public StackConfig withMongoInMemory() {
        return new StackConfig(home, dataDir, kafkaBootstrap, mongoUri, mongoPort, gatewayPort, ingestPort, nlpPort,
                metricsPort, apiKeys, javaOptions, demo, nlpInstances, true);
    }

    public static StackConfig fromEnvironment(Map<String, String> env, boolean demo) {
        Path home = Path.of(env.getOrDefault("NEWSFLOW_HOME", ".")).toAbsolutePath().normalize();
        return new StackConfig(
                home,
                Path.of(env.getOrDefault("NEWSFLOW_DATA_DIR", home.resolve("data").toString())).toAbsolutePath(),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(env.get("MONGODB_URI")),
                intOf(env, "NEWSFLOW_MONGO_PORT", 27017),
                intOf(env, "NEWSFLOW_GATEWAY_PORT", 8080),
                intOf(env, "NEWSFLOW_INGEST_PORT", 8081),
                intOf(env, "NEWSFLOW_NLP_PORT", 8082),
                intOf(env, "NEWSFLOW_METRICS_PORT", 8083),
                blankToNull(env.get("NEWSFLOW_API_KEYS")),
                env.getOrDefault("NEWSFLOW_JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"),
                demo,
                intOf(env, "NEWSFLOW_NLP_INSTANCES", 1),
                mongoStore(env.getOrDefault("NEWSFLOW_MONGO_STORE", "file")));
    }

    private static boolean mongoStore(String value) {
        return switch (value.strip()) {
            case "memory" -> true;
            case "file", "" -> false;
            default -> throw new IllegalArgumentException("NEWSFLOW_MONGO_STORE must be 'file' or 'memory', not '" + value + "'");
        };
    }

    private static int intOf(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
