package dev.newsflow.metrics.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * At start-up, warns when the aggregates were written in a previous layout (no layout mark of the current version, or
 * month entity counts {@code *|yyyy-MM} without a type): the queries read the current documents only, so the operator
 * must run {@code POST /api/v1/admin/rebuild} once.
 */
@Component
class LayoutCheck {

    /** The document of {@code agg_counts} holding the layout version ({@code v}). */
    static final String LAYOUT_DOC = "layout";
    private static final Logger log = LoggerFactory.getLogger(LayoutCheck.class);

    private final MongoDatabaseFactory factory;

    LayoutCheck(MongoDatabaseFactory factory) {
        this.factory = factory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        try {
            if (previousLayout(factory.getMongoDatabase())) {
                log.warn("the aggregates are in the previous layout: queries answer from the new documents only until "
                        + "POST /api/v1/admin/rebuild has run once");
            }
        } catch (RuntimeException e) {
            log.warn("could not check the aggregate layout: {}", e.toString());
        }
    }

    /**
     * True when articles are stored but their aggregates carry no mark of the current layout
     * ({@link ContributionPlanner#LAYOUT_VERSION}: shard counts and document ids), or when the month entity counts of the
     * last stored day exist in the untyped layout before it.
     */
    static boolean previousLayout(MongoDatabase db) {
        if (db.getCollection(Collections.ARTICLES).find().projection(new Document("_id", 1)).first() != null) {
            Document mark = db.getCollection(Collections.COUNTS).find(Filters.eq("_id", LAYOUT_DOC)).first();
            if (mark == null || !(mark.get("v") instanceof Number v) || v.intValue() < ContributionPlanner.LAYOUT_VERSION) {
                return true;
            }
        }
        Document days = db.getCollection(Collections.COUNTS).find(Filters.eq("_id", ContributionPlanner.DAYS_DOC)).first();
        if (days == null || !(days.get("d") instanceof Document d) || d.isEmpty()) {
            return false;
        }
        String last = d.keySet().stream().max(String::compareTo).orElseThrow();
        return db.getCollection(Collections.COUNTS).find(Filters.eq("_id", ContributionPlanner.ALL_SCOPE + "|" + last.substring(0, 7))).first() != null;
    }

    /** Records that the aggregates are (about to be) written in the current layout: on an empty store, and by the rebuild. */
    static void markCurrent(MongoDatabase db) {
        db.getCollection(Collections.COUNTS).updateOne(Filters.eq("_id", LAYOUT_DOC),
                new Document("$set", new Document("v", ContributionPlanner.LAYOUT_VERSION)), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Marks an empty store (no article yet) as written in the current layout; returns whether it was empty. */
    static boolean markIfEmpty(MongoDatabase db) {
        if (db.getCollection(Collections.ARTICLES).find().projection(new Document("_id", 1)).first() != null) {
            return false;
        }
        markCurrent(db);
        return true;
    }
}
