package dev.newsflow.metrics.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, which every MongoDB and the embedded wire-protocol server answer (Boot's own
 * indicator sends {@code hello}, which mongo-java-server does not know, so the local stack would never be ready).
 * The bean name replaces Boot's {@code mongoHealthContributor}; it shows as {@code mongo} in the health groups.
 */
@Component("mongoHealthContributor")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    MongoPingHealthIndicator(MongoClient client) {
        super("MongoDB ping failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up().withDetail("ping", answer.get("ok"));
    }
}
