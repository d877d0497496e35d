package dev.newsflow.metrics.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.newsflow.events.ArticleEnriched;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores an enriched article and its aggregate contribution with an exactly-once effect and no transactions.
 *
 * <p>Protocol (every step idempotent, so a redelivery after a crash anywhere simply runs it again):
 * <ol>
 * <li>Read the article document. Same content hash and state APPLIED → duplicate. Older {@code enrichedAt}
 *     than stored → stale.</li>
 * <li>Replace the article document with the new version, state PENDING, and {@code retractJson}: the events of
 *     every earlier version that may have applied ops (the previous one if it was APPLIED; the previous one plus its
 *     own {@code retractJson} if it was still PENDING). Plans are deterministic, so these events are the ledger.</li>
 * <li>Retract every op planned from {@code retractJson} (tag-guarded: removes exactly what was applied, no-op otherwise), delete
 *     the old figure documents.</li>
 * <li>Apply every op of the plan (tag-guarded: at most once) and upsert its figure documents.</li>
 * <li>Mark the article APPLIED and drop {@code retractJson}.</li>
 * </ol>
 */
@Component
public class ArticleStore {

    static final String PENDING = "PENDING";
    static final String APPLIED = "APPLIED";

    private final MongoDatabaseFactory factory;
    private final ContributionPlanner planner;
    private final JsonMapper json;
    /** Called after every write with the step name; tests throw from it to simulate a crash. */
    private volatile Consumer<String> afterWrite = step -> { };

    public ArticleStore(MongoDatabaseFactory factory, ContributionPlanner planner, JsonMapper json) {
        this.factory = factory;
        this.planner = planner;
        this.json = json;
    }

    void afterWrite(Consumer<String> hook) {
        this.afterWrite = hook == null ? step -> { } : hook;
    }

    private MongoDatabase db() {
        return factory.getMongoDatabase();
    }

    public StoreOutcome store(ArticleEnriched article) {
        MongoCollection<Document> articles = db().getCollection(Collections.ARTICLES);
        String id = article.id();
        String hash = contentHash(article);
        Document existing = articles.find(Filters.eq("_id", id))
                .projection(new Document("hash", 1).append("state", 1).append("enrichedAt", 1)
                        .append("retractJson", 1).append("json", 1))
                .first();
        if (existing != null) {
            Instant storedAt = instant(existing.getDate("enrichedAt"));
            Instant incomingAt = article.provenance() == null ? null : article.provenance().enrichedAt();
            if (storedAt != null && incomingAt != null && incomingAt.isBefore(storedAt)) {
                if (PENDING.equals(existing.getString("state"))) {
                    store(json.readValue(existing.getString("json"), ArticleEnriched.class));
                }
                return StoreOutcome.STALE;
            }
            if (hash.equals(existing.getString("hash")) && APPLIED.equals(existing.getString("state"))) {
                return StoreOutcome.DUPLICATE;
            }
        }
        // every earlier version that may have applied ops: the last APPLIED one, or all of a PENDING chain
        List<String> retractJson = new ArrayList<>();
        if (existing != null) {
            if (!APPLIED.equals(existing.getString("state"))) {
                retractJson.addAll(existing.getList("retractJson", String.class, List.of()));
            }
            if (!retractJson.contains(existing.getString("json"))) {
                retractJson.add(existing.getString("json"));
            }
        }
        Plan.Ledger retract = Plan.Ledger.EMPTY;
        for (String previous : retractJson) {
            retract = retract.union(Plan.Ledger.of(planner.plan(json.readValue(previous, ArticleEnriched.class)).ledger()));
        }
        Plan plan = planner.plan(article);
        articles.replaceOne(Filters.eq("_id", id), articleDocument(article, hash, retractJson), new ReplaceOptions().upsert(true));
        afterWrite.accept("article");
        apply(id, retract, plan);
        articles.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", APPLIED), Updates.unset("retractJson")));
        return StoreOutcome.STORED;
    }

    /** Re-applies a stored article onto empty aggregates (admin rebuild). */
    void reapply(Document articleDoc) {
        ArticleEnriched article = json.readValue(articleDoc.getString("json"), ArticleEnriched.class);
        Plan plan = planner.plan(article);
        apply(article.id(), Plan.Ledger.EMPTY, plan);
        db().getCollection(Collections.ARTICLES).updateOne(Filters.eq("_id", article.id()),
                Updates.combine(Updates.set("state", APPLIED), Updates.unset("retractJson")));
    }

    private void apply(String id, Plan.Ledger retract, Plan plan) {
        Buckets buckets = new Buckets(db());
        MongoCollection<Document> figures = db().getCollection(Collections.FIGURES);
        buckets.retractAll(retract.buckets(), id, () -> afterWrite.accept("retract"));
        if (!retract.figureIds().isEmpty()) {
            figures.deleteMany(Filters.in("_id", retract.figureIds()));
            afterWrite.accept("retract:figures");
        }
        buckets.applyAll(plan.buckets(), id, () -> afterWrite.accept("apply"));
        if (!plan.figures().isEmpty()) {
            figures.bulkWrite(plan.figures().stream()
                    .<WriteModel<Document>>map(f -> new ReplaceOneModel<>(Filters.eq("_id", f.getString("_id")), f, new ReplaceOptions().upsert(true)))
                    .toList(), new BulkWriteOptions().ordered(false));
            afterWrite.accept("figures");
        }
    }

    /** The article document as stored once its contribution is applied (used by bulk loaders). */
    Document appliedDocument(ArticleEnriched a, Plan plan) {
        return articleDocument(a, contentHash(a), List.of()).append("state", APPLIED);
    }

    private Document articleDocument(ArticleEnriched a, String hash, List<String> retractJson) {
        String day = Days.of(a).toString();
        Document doc = new Document("_id", a.id())
                .append("day", day)
                .append("title", a.title())
                .append("body", a.body())
                .append("source", a.source())
                .append("section", a.section())
                .append("publishedAt", a.publishedAt())
                .append("ingestedAt", a.ingestedAt() == null ? null : Date.from(a.ingestedAt()))
                .append("enrichedAt", a.provenance() == null || a.provenance().enrichedAt() == null ? null
                        : Date.from(a.provenance().enrichedAt()))
                .append("modelVersion", a.provenance() == null ? null : a.provenance().modelVersion())
                .append("entityCount", a.entities().size())
                .append("figureCount", a.figures().size())
                .append("hash", hash)
                .append("json", json.writeValueAsString(a))
                .append("state", PENDING);
        if (!retractJson.isEmpty()) {
            doc.append("retractJson", retractJson);
        }
        return doc;
    }

    /** Hash of what counts: the article without its ingestion and enrichment timestamps. */
    String contentHash(ArticleEnriched a) {
        ArticleEnriched.Provenance p = a.provenance();
        ArticleEnriched normalised = new ArticleEnriched(a.schemaVersion(), a.id(), a.language(), a.title(), a.body(),
                a.source(), a.url(), a.section(), a.publishedAt(), null, a.layout(), a.entities(), a.figures(),
                a.dates(), a.keywords(), a.summary(), a.regions(), a.stats(),
                p == null ? null : new ArticleEnriched.Provenance(p.pipelineVersion(), p.modelVersion(), null));
        return ContributionPlanner.sha256(json.writeValueAsString(normalised)).substring(0, 32);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
