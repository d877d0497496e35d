package dev.newsflow.metrics.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Runs guarded aggregate updates: one unordered bulk write per collection. A guarded upsert whose document already
 * carries the tag fails with a duplicate key (the filter does not match, the insert collides with the existing
 * {@code _id}): that is "already applied", not an error.
 */
final class Buckets {

    private static final int CHUNK = 5_000;

    private final MongoDatabase db;

    Buckets(MongoDatabase db) {
        this.db = db;
    }

    /** Writes each collection's updates, then calls {@code afterEach} with the collection name. */
    void write(Map<String, List<WriteModel<Document>>> byCollection, Consumer<String> afterEach) {
        for (Map.Entry<String, List<WriteModel<Document>>> e : byCollection.entrySet()) {
            List<WriteModel<Document>> models = e.getValue();
            for (int i = 0; i < models.size(); i += CHUNK) {
                write(e.getKey(), models.subList(i, Math.min(models.size(), i + CHUNK)));
            }
            afterEach.accept(e.getKey());
        }
    }

    private void write(String collection, List<WriteModel<Document>> models) {
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

    /** Removes finished batch tags from the {@code arts} arrays of the given documents (keeps the arrays short). */
    void removeTags(Map<String, Set<String>> touched, List<String> tags) {
        Document update = new Document("$pull", new Document("arts", new Document("$in", tags)));
        touched.forEach((collection, ids) -> {
            List<WriteModel<Document>> models = new ArrayList<>(ids.size());
            ids.forEach(id -> models.add(new UpdateOneModel<>(new Document("_id", id), update)));
            write(Map.of(collection, models), c -> { });
        });
    }
}
