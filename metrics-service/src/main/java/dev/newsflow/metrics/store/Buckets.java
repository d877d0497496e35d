package dev.newsflow.metrics.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.bson.Document;

/**
 * Runs guarded aggregate updates, one unordered bulk write per collection, in one of two guard modes:
 * <ul>
 * <li>{@link Guard#ATOMIC} (real MongoDB): the filter {@code {_id, tags.TAG: {$exists: false}}} and the update that
 *     sets {@code tags.TAG} form one atomic single-document operation, so even two processes finishing the same batch concurrently
 *     apply it once. A guarded upsert whose document already carries the tag fails with a duplicate key: that is
 *     "already applied", not an error.</li>
 * <li>{@link Guard#READ_CHECK} (mongo-java-server, which answers a filter on anything but {@code _id} alone with a
 *     scan of the whole collection): one {@code _id $in} read of the tags, then {@code _id}-only updates for the
 *     documents lacking the tag. Exactly once for a single writer per batch (the local stack runs one instance);
 *     the update still sets the tag atomically with the counts, so a crash between documents is safe.</li>
 * </ul>
 * Tags of finished batches are removed by the next update of the same document ({@code $unset} beside the new tag,
 * no extra write): hot documents keep a handful of tags, a document never touched again keeps its last batch's.
 */
final class Buckets {

    enum Guard { ATOMIC, READ_CHECK }

    private static final int CHUNK = 5_000;
    private static final int READ_CHUNK = 100;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final UpdateOptions NO_UPSERT = new UpdateOptions();

    private final MongoDatabase db;
    private final Guard guard;

    Buckets(MongoDatabase db, Guard guard) {
        this.db = db;
        this.guard = guard;
    }

    /**
     * One task per collection that writes its updates and then calls {@code afterEach} with the collection name and
     * the time its writes took (on the task's thread): run them side by side with {@link CollectionWriters}. Largest
     * first, as a step ends with its slowest collection. {@code stale}: tags of finished batches per document
     * ({@code collection NUL id}); the first update of such a document also unsets them (and the entry is removed
     * here, on the caller's thread). {@code newTags}: the updates' tags were created for this attempt, so no document
     * can carry them yet and {@link Guard#READ_CHECK} has nothing to read (a resumed batch's tags are not new).
     */
    List<Runnable> tasks(Map<String, List<BatchOps.Guarded>> byCollection, BiConsumer<String, Long> afterEach,
                         Map<String, List<String>> stale, boolean newTags) {
        List<Map.Entry<String, List<BatchOps.Guarded>>> work = new ArrayList<>();
        for (Map.Entry<String, List<BatchOps.Guarded>> e : byCollection.entrySet()) {
            List<BatchOps.Guarded> updates = new ArrayList<>(e.getValue().size());
            for (BatchOps.Guarded u : e.getValue()) {
                List<String> old = stale.isEmpty() ? null : stale.remove(e.getKey() + "\u0000" + u.id());
                updates.add(old == null ? u : u.unsetting(old));
            }
            work.add(Map.entry(e.getKey(), updates));
        }
        work.sort(Comparator.comparingInt((Map.Entry<String, List<BatchOps.Guarded>> e) -> e.getValue().size()).reversed());
        List<Runnable> tasks = new ArrayList<>(work.size());
        for (Map.Entry<String, List<BatchOps.Guarded>> e : work) {
            tasks.add(() -> {
                long start = System.nanoTime();
                List<BatchOps.Guarded> updates = e.getValue();
                for (int i = 0; i < updates.size(); i += CHUNK) {
                    List<BatchOps.Guarded> chunk = updates.subList(i, Math.min(updates.size(), i + CHUNK));
                    bulk(e.getKey(), guard == Guard.ATOMIC ? atomic(chunk) : readChecked(e.getKey(), chunk, newTags));
                }
                afterEach.accept(e.getKey(), System.nanoTime() - start);
            });
        }
        return tasks;
    }

    private static List<WriteModel<Document>> atomic(List<BatchOps.Guarded> updates) {
        List<WriteModel<Document>> models = new ArrayList<>(updates.size());
        for (BatchOps.Guarded u : updates) {
            models.add(new UpdateOneModel<>(new Document("_id", u.id()).append(BatchOps.tagPath(u.tag()), new Document("$exists", false)), u.update(),
                    u.upsert() ? UPSERT : NO_UPSERT));
        }
        return models;
    }

    private List<WriteModel<Document>> readChecked(String collection, List<BatchOps.Guarded> updates, boolean newTags) {
        Set<String> done = new HashSet<>();
        List<String> ids = updates.stream().map(BatchOps.Guarded::id).toList();
        // small $in lists: the server checks every found document against the whole list
        for (int i = 0; !newTags && i < ids.size(); i += READ_CHUNK) {
            db.getCollection(collection).find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + READ_CHUNK))))
                    .projection(new Document("tags", 1)).forEach(d -> {
                        if (d.get("tags") instanceof Document tags) {
                            for (String t : tags.keySet()) {
                                done.add(d.get("_id") + "\u0000" + t);
                            }
                        }
                    });
        }
        List<WriteModel<Document>> models = new ArrayList<>(updates.size());
        for (BatchOps.Guarded u : updates) {
            if (!done.contains(u.id() + "\u0000" + u.tag())) {
                models.add(new UpdateOneModel<>(new Document("_id", u.id()), u.update(), u.upsert() ? UPSERT : NO_UPSERT));
            }
        }
        return models;
    }

    private void bulk(String collection, List<WriteModel<Document>> models) {
        if (models.isEmpty()) {
            return;
        }
        try {
            db.getCollection(collection).bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException ex) {
            boolean onlyAlreadyApplied = ex.getWriteConcernError() == null && ex.getWriteErrors().stream()
                    .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyAlreadyApplied) {
                throw ex;
            }
        }
    }

    /** Removes finished batch tags from the given documents (one extra update each: see {@link #write} for the usual way). */
    void removeTags(Map<String, Set<String>> touched, List<String> tags) {
        Document unset = new Document();
        tags.forEach(t -> unset.append(BatchOps.tagPath(t), ""));
        Document update = new Document("$unset", unset);
        touched.forEach((collection, ids) -> {
            List<WriteModel<Document>> models = new ArrayList<>(ids.size());
            ids.forEach(id -> models.add(new UpdateOneModel<>(new Document("_id", id), update)));
            for (int i = 0; i < models.size(); i += CHUNK) {
                bulk(collection, models.subList(i, Math.min(models.size(), i + CHUNK)));
            }
        });
    }
}
