package dev.newsflow.localstack;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same scenario against real Kafka and MongoDB images; runs only where Docker is available. */
@Testcontainers(disabledWithoutDocker = true)
class PipelineTestcontainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.4");

    @TempDir
    Path dataDir;

    @Test
    void postedArticleIsEnrichedStoredAndCountedOnceThroughTheGateway() throws Exception {
        StackConfig config = PipelineScenario.config(dataDir, KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("newsflow"));
        try (LocalStack stack = new LocalStack(config)) {
            stack.start(System.out);
            new PipelineScenario().run(stack);
        }
    }
}
