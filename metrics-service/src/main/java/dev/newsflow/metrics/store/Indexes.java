package dev.newsflow.metrics.store;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Secondary indexes for real MongoDB (mongo-java-server ignores non-unique ones). Aggregates are read by
 * {@code _id} only and need none; articles and figures need them for the filters that scan them.
 */
@Component("metricsIndexes")
class Indexes {

    private final MongoDatabaseFactory factory;

    Indexes(MongoDatabaseFactory factory) {
        this.factory = factory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        MongoDatabase db = factory.getMongoDatabase();
        db.getCollection(Collections.ARTICLES).createIndex(com.mongodb.client.model.Indexes.descending("day", "_id"));
        db.getCollection(Collections.ARTICLES).createIndex(com.mongodb.client.model.Indexes.ascending("state"));
        var figures = db.getCollection(Collections.FIGURES);
        figures.createIndex(com.mongodb.client.model.Indexes.compoundIndex(
                com.mongodb.client.model.Indexes.descending("day"), com.mongodb.client.model.Indexes.ascending("_id")));
        figures.createIndex(com.mongodb.client.model.Indexes.ascending("subject", "day"));
        figures.createIndex(com.mongodb.client.model.Indexes.ascending("entities", "day"));
        figures.createIndex(com.mongodb.client.model.Indexes.ascending("article"));
    }
}
