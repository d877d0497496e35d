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
 * At start-up, warns when the aggregates were written in the previous layout (month entity counts {@code *|yyyy-MM}
 * without a type, bigram index per month): the queries read the new documents only, so the operator must run
 * {@code POST /api/v1/admin/rebuild} once.
 */
@Component
class LayoutCheck {

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

    /** True when the month entity counts of the last stored day exist in the previous, untyped layout. */
    static boolean previousLayout(MongoDatabase db) {
        Document days = db.getCollection(Collections.COUNTS).find(Filters.eq("_id", ContributionPlanner.DAYS_DOC)).first();
        if (days == null || !(days.get("d") instanceof Document d) || d.isEmpty()) {
            return false;
        }
        String last = d.keySet().stream().max(String::compareTo).orElseThrow();
        return db.getCollection(Collections.COUNTS).find(Filters.eq("_id", ContributionPlanner.ALL_SCOPE + "|" + last.substring(0, 7))).first() != null;
    }
}
