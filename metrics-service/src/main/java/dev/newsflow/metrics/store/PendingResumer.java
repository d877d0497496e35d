package dev.newsflow.metrics.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.newsflow.events.ArticleEnriched;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start-up, finishes any article left PENDING by a crash (normally the redelivered event does it; this also
 * covers an event whose offset was committed by an operator reset or a newer event that was skipped as stale).
 */
@Component
class PendingResumer {

    private static final Logger log = LoggerFactory.getLogger(PendingResumer.class);

    private final MongoDatabaseFactory factory;
    private final ArticleStore store;
    private final JsonMapper json;

    PendingResumer(MongoDatabaseFactory factory, ArticleStore store, JsonMapper json) {
        this.factory = factory;
        this.store = store;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        try {
            List<Document> pending = new ArrayList<>();
            factory.getMongoDatabase().getCollection(Collections.ARTICLES).find(Filters.eq("state", ArticleStore.PENDING))
                    .projection(Projections.include("json")).limit(10_000).into(pending);
            for (Document d : pending) {
                store.store(json.readValue(d.getString("json"), ArticleEnriched.class));
            }
            if (!pending.isEmpty()) {
                log.info("resumed {} article(s) left pending by an interrupted store", pending.size());
            }
        } catch (RuntimeException e) {
            log.warn("could not resume pending articles now (the redelivered events will): {}", e.toString());
        }
    }
}
