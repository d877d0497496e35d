package dev.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToEmbeddedInfrastructureOnStandardPorts() {
        StackConfig config = StackConfig.fromEnvironment(Map.of("NEWSFLOW_HOME", dir.toString()), false);
        assertThat(config.kafkaBootstrap()).isNull();
        assertThat(config.mongoUri()).isNull();
        assertThat(config.gatewayPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
    }

    @Test
    void externalInfrastructureAndPortsComeFromTheEnvironment() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "MONGODB_URI", "mongodb://db/newsflow",
                "NEWSFLOW_GATEWAY_PORT", "18080", "NEWSFLOW_DATA_DIR", dir.toString()), true);
        assertThat(config.kafkaBootstrap()).isEqualTo("kafka:9092");
        assertThat(config.mongoUri()).isEqualTo("mongodb://db/newsflow");
        assertThat(config.gatewayPort()).isEqualTo(18080);
        assertThat(config.demo()).isTrue();
    }

    @Test
    void oneNlpInstanceUnlessTheEnvironmentAsksForMore() {
        assertThat(StackConfig.fromEnvironment(Map.of(), false).nlpInstances()).isEqualTo(1);
        assertThat(StackConfig.fromEnvironment(Map.of("NEWSFLOW_NLP_INSTANCES", "3"), false).nlpInstances()).isEqualTo(3);
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("NEWSFLOW_NLP_INSTANCES", "0"), false))
                .hasMessageContaining("NEWSFLOW_NLP_INSTANCES");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("NEWSFLOW_NLP_INSTANCES", "three"), false))
                .hasMessageContaining("NEWSFLOW_NLP_INSTANCES");
    }

    @Test
    void mongoDocumentsGoToAFileUnlessTheEnvironmentAsksForMemory() {
        assertThat(StackConfig.fromEnvironment(Map.of(), false).mongoInMemory()).isFalse();
        assertThat(StackConfig.fromEnvironment(Map.of("NEWSFLOW_MONGO_STORE", "memory"), false).mongoInMemory()).isTrue();
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("NEWSFLOW_MONGO_STORE", "disk"), false))
                .hasMessageContaining("NEWSFLOW_MONGO_STORE");
    }

    @Test
    void inMemoryMongoKeepsItsDocumentsAcrossAnOutage() throws Exception {
        StackConfig config = new StackConfig(dir, dir, "kafka.invalid:9092", null, 0, 0, 0, 0, 0, null, "", false)
                .withMongoInMemory();
        try (EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure()) {
            infrastructure.start(config);
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
                client.getDatabase("newsflow").getCollection("articles").insertOne(new Document("_id", "a1").append("n", 1));
            }
            infrastructure.stopMongo();
            infrastructure.startMongo();
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
                Document found = client.getDatabase("newsflow").getCollection("articles").find(new Document("_id", "a1")).first();
                assertThat(found).as("document written before the outage").isNotNull();
                assertThat(found.getInteger("n")).isEqualTo(1);
            }
        }
        assertThat(dir.resolve("mongo.mv")).doesNotExist();
    }

    @Test
    void rejectsPortThatIsNotANumber() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("NEWSFLOW_GATEWAY_PORT", "eighty"), false))
                .hasMessageContaining("NEWSFLOW_GATEWAY_PORT");
    }

    @Test
    void generatedKeyIsKeptAcrossRestarts() throws Exception {
        String first = ApiKeyFile.loadOrCreate(dir);
        assertThat(first).startsWith("nf_").hasSizeGreaterThan(30);
        assertThat(ApiKeyFile.loadOrCreate(dir)).isEqualTo(first);
        assertThat(Files.readString(dir.resolve("api-key")).strip()).isEqualTo(first);
    }

    @Test
    void findsAKeyAllowedToIngest() {
        assertThat(ApiKeys.firstKeyWithScope("r:read,i:read+ingest", "ingest")).isEqualTo("i");
        assertThat(ApiKeys.firstKeyWithScope("r:read,a:admin", "ingest")).isEqualTo("a");
        assertThat(ApiKeys.firstKeyWithScope("r:read", "ingest")).isNull();
    }
}
