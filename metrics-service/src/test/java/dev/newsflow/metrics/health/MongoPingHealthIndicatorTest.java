package dev.newsflow.metrics.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class MongoPingHealthIndicatorTest {

    @Test
    void upWhileTheServerAnswersDownWhenItIsGone() {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(500, java.util.concurrent.TimeUnit.MILLISECONDS))
                .build())) {
            MongoPingHealthIndicator indicator = new MongoPingHealthIndicator(client);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            server.shutdownNow();
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
