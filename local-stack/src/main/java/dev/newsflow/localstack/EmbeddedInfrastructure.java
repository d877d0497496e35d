package dev.newsflow.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.newsflow.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker (in-process KRaft) and a MongoDB wire-protocol server persisting to a file.
 * Either may be replaced by an external one through {@link StackConfig}.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

    static final int PARTITIONS = 3;
    static final int MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

    private EmbeddedKafkaKraftBroker broker;
    private MongoServer mongo;
    private H2Backend mongoBackend;
    private String kafkaBootstrap;
    private String mongoUri;

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
            Path file = config.dataDir().resolve("mongo.mv");
            mongoBackend = new H2Backend(file.toString());
            mongo = new MongoServer(mongoBackend);
            mongo.bind("127.0.0.1", config.mongoPort());
            mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/newsflow";
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
            mongoBackend.close();
            mongo = null;
        }
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
