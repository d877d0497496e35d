package dev.newsflow.metrics.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Recomputes every aggregate from the stored articles: drops the aggregate collections and re-applies each
 * article's contribution as planned from its stored event, in batches merged like the incremental ones. Aggregates are sums of per-article contributions,
 * so the result is identical to the incrementally maintained state (the test compares every query).
 * It first lets the consumer's applier finish its queue. Run it while the consumer is paused or idle; a store racing
 * with it is re-applied idempotently anyway.
 */
@Component
public class Rebuilder {

    private static final int BATCH = 500;

    private final MongoDatabaseFactory factory;
    private final ArticleStore store;
    private final Indexes indexes;
    /** The consumer's applier, finished before the aggregates are dropped (null: no consumer, as in tests). */
    private final AggregateApplier applier;

    @Autowired
    Rebuilder(MongoDatabaseFactory factory, ArticleStore store, Indexes indexes, AggregateApplier applier) {
        this.factory = factory;
        this.store = store;
        this.indexes = indexes;
        this.applier = applier;
    }

    Rebuilder(MongoDatabaseFactory factory, ArticleStore store, Indexes indexes) {
        this(factory, store, indexes, null);
    }

    public synchronized long rebuild() {
        if (applier != null) {
            try {
                applier.awaitIdle();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the aggregate applier finished its batches", e);
            }
        }
        MongoDatabase db = factory.getMongoDatabase();
        for (String c : Collections.AGGREGATES) {
            db.getCollection(c).drop();
        }
        indexes.create();
        LayoutCheck.markCurrent(db);
        List<String> ids = new ArrayList<>();
        db.getCollection(Collections.ARTICLES).find().projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        long n = 0;
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<Document> batch = new ArrayList<>();
            db.getCollection(Collections.ARTICLES).find(new Document("_id", new Document("$in", ids.subList(i, Math.min(ids.size(), i + BATCH)))))
                    .projection(Projections.include("json", "seq")).into(batch);
            store.reapply(batch);
            n += batch.size();
        }
        store.removeFinishedTags();
        return n;
    }
}
