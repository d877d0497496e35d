package dev.newsflow.metrics.store;

import com.mongodb.client.MongoDatabase;
import dev.newsflow.events.ArticleEnriched;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark helper: builds the same documents the incremental store would, in memory, and inserts each once.
 * {@link BulkLoaderTest} proves the result answers every query exactly like the incremental path.
 */
public final class BulkLoader {

    private final ArticleStore store;
    private final MongoDatabaseFactory factory;
    private final ContributionPlanner planner = new ContributionPlanner();
    private final Map<String, Map<String, Document>> buckets = new LinkedHashMap<>();
    private final List<Document> articles = new ArrayList<>();
    private final List<Document> figures = new ArrayList<>();
    /** The next number of each day (as {@link DaySequences} hands them out). */
    private final Map<String, Long> sequences = new HashMap<>();

    public BulkLoader(MongoDatabaseFactory factory, JsonMapper json) {
        this.store = new ArticleStore(factory, planner, json);
        this.factory = factory;
    }

    public void add(ArticleEnriched a) {
        long seq = sequences.merge(Days.of(a).toString(), 1L, Long::sum) - 1;
        Plan plan = planner.plan(a, seq);
        articles.add(store.appliedDocument(a, seq));
        figures.addAll(plan.figures());
        if (articles.size() >= 1000) {
            insert(factory.getMongoDatabase(), Collections.ARTICLES, articles);
            insert(factory.getMongoDatabase(), Collections.FIGURES, figures);
            articles.clear();
            figures.clear();
        }
        for (BucketOp op : plan.buckets()) {
            Document d = buckets.computeIfAbsent(op.collection(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(op.id(), id -> new Document("_id", id));
            for (String p : op.incs()) {
                Document parent = parent(d, p);
                String leaf = p.substring(p.lastIndexOf('.') + 1);
                parent.put(leaf, parent.getInteger(leaf, 0) + 1);
            }
            for (String p : op.pushes()) {
                list(d, p).add(a.id());
            }
            if (!op.items().isEmpty()) {
                list(d, "items").addAll(op.items());
            }
            if (!op.entries().isEmpty()) {
                list(d, "entries").addAll(op.entries());
            }
        }
    }

    public void flush(MongoDatabase db) {
        insert(db, Collections.ARTICLES, articles);
        insert(db, Collections.FIGURES, figures);
        buckets.forEach((c, docs) -> insert(db, c, new ArrayList<>(docs.values())));
        DaySequences.advance(db, sequences);
        articles.clear();
        figures.clear();
        buckets.clear();
    }

    private static void insert(MongoDatabase db, String collection, List<Document> docs) {
        for (int i = 0; i < docs.size(); i += 500) {
            db.getCollection(collection).insertMany(docs.subList(i, Math.min(docs.size(), i + 500)));
        }
    }

    private static Document parent(Document d, String path) {
        String[] parts = path.split("\\.");
        Document cur = d;
        for (int i = 0; i < parts.length - 1; i++) {
            Document next = cur.get(parts[i], Document.class);
            if (next == null) {
                next = new Document();
                cur.put(parts[i], next);
            }
            cur = next;
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Document d, String path) {
        Document parent = parent(d, path);
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        List<Object> l = (List<Object>) parent.get(leaf);
        if (l == null) {
            l = new ArrayList<>();
            parent.put(leaf, l);
        }
        return l;
    }
}
