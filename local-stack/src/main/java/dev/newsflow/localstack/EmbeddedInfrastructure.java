package dev.newsflow.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.newsflow.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker (in-process KRaft) and a MongoDB wire-protocol server persisting to a file (or keeping its
 * documents in memory).
 * Either may be replaced by an external one through {@link StackConfig}. For fault-injection tests both can be
 * stopped and started again in place: the broker keeps its port (the test kit pre-binds it) and its log directory,
 * the MongoDB server rebinds the same port and reopens the same file.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

    static final int PARTITIONS = 3;
    static final int MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

    private EmbeddedKafkaKraftBroker broker;
    private MongoServer mongo;
    private KeptMemoryBackend memoryBackend;
    private String kafkaBootstrap;
    private String mongoUri;
    private Path mongoFile;
    private int mongoPort;

    void start(StackConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        if (config.kafkaBootstrap() != null) {
            kafkaBootstrap = config.kafkaBootstrap();
        } else {
            broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("num.partitions", String.valueOf(PARTITIONS));
            // as the production topics (deploy/k8s): an enriched long article outgrows Kafka's 1 MB default
            broker.brokerProperty("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
            broker.afterPropertiesSet();
            broker.addTopics(
                    new NewTopic(Topics.ARTICLES_RAW, PARTITIONS, (short) 1),
                    new NewTopic(Topics.ARTICLES_ENRICHED, PARTITIONS, (short) 1),
                    new NewTopic(Topics.PAGES_RAW, PARTITIONS, (short) 1),
                    new NewTopic(Topics.ARTICLES_RAW_DLQ, 1, (short) 1),
                    new NewTopic(Topics.ARTICLES_ENRICHED_DLQ, 1, (short) 1),
                    new NewTopic(Topics.PAGES_RAW_DLQ, 1, (short) 1));
            kafkaBootstrap = broker.getBrokersAsString();
            // the KRaft test kit picks its own port: tell feeds that produce directly where it is
            Files.writeString(config.dataDir().resolve("kafka-bootstrap"), kafkaBootstrap + "\n");
        }
        if (config.mongoUri() != null) {
            mongoUri = config.mongoUri();
        } else {
            mongoFile = config.dataDir().resolve("mongo.mv");
            memoryBackend = config.mongoInMemory() ? new KeptMemoryBackend() : null;
            startMongo(config.mongoPort());
            mongoPort = mongo.getLocalAddress().getPort();
            mongoUri = "mongodb://127.0.0.1:" + mongoPort + "/newsflow";
        }
    }

    private void startMongo(int port) {
        MongoBackend backend = memoryBackend != null ? memoryBackend : new H2Backend(mongoFile.toString());
        mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", port);
    }

    /** Stops the embedded broker (the KRaft controller stays up); clients see it gone until {@link #startKafka}. */
    void stopKafka() {
        BrokerServer server = brokerServer();
        server.shutdown();
        server.awaitShutdown();
    }

    /** Starts the stopped broker again on the same port with the same log directory. */
    void startKafka() {
        brokerServer().startup();
    }

    private BrokerServer brokerServer() {
        if (broker == null) {
            throw new IllegalStateException("Kafka is external (KAFKA_BOOTSTRAP_SERVERS); it cannot be restarted from here");
        }
        return broker.getCluster().brokers().values().iterator().next();
    }

    /** Stops the embedded MongoDB server: connections are closed, new ones refused, until {@link #startMongo()}. */
    synchronized void stopMongo() {
        if (mongoFile == null) {
            throw new IllegalStateException("MongoDB is external (MONGODB_URI); it cannot be stopped from here");
        }
        if (mongo != null) {
            mongo.shutdown();
            mongo = null;
        }
    }

    /** Starts the stopped MongoDB server again on the same port with the same file. */
    synchronized void startMongo() {
        if (mongo == null) {
            startMongo(mongoPort);
        }
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    String mongoUri() {
        return mongoUri;
    }

    @Override
    public void close() {
        if (mongo != null) {
            mongo.shutdown();
            mongo = null;
        }
        if (memoryBackend != null) {
            memoryBackend.discard();
        }
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    /**
     * The in-memory store survives a stop of the server ({@link #stopMongo()}: a MongoDB outage, not data loss); its
     * documents are dropped only when the stack closes.
     */
    private static final class KeptMemoryBackend extends MemoryBackend {

        private volatile boolean discarding;

        @Override
        public void close() {
            if (discarding) {
                super.close();
            }
        }

        void discard() {
            discarding = true;
            super.close();
        }
    }
}
