package dev.newsflow.metrics.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

/**
 * Applies and retracts {@link BucketOp}s. Each is ONE single-document atomic update whose filter tests the op's
 * tag in the document's {@code arts} array and whose update adds/removes the tag together with the counts, so
 * applying twice or retracting twice changes nothing.
 */
final class Buckets {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoDatabase db;

    Buckets(MongoDatabase db) {
        this.db = db;
    }

    /**
     * Applies many ops with one unordered bulk write per collection (fewer round trips); every op keeps its own
     * guard, so a partial bulk followed by a retry is as safe as single updates. Runs {@code afterEach} per collection.
     */
    void applyAll(List<BucketOp> ops, String articleId, Runnable afterEach) {
        bulk(ops, articleId, true, afterEach);
    }

    void retractAll(List<BucketOp> ops, String articleId, Runnable afterEach) {
        bulk(ops, articleId, false, afterEach);
    }

    private void bulk(List<BucketOp> ops, String articleId, boolean apply, Runnable afterEach) {
        Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        for (BucketOp op : ops) {
            byCollection.computeIfAbsent(op.collection(), c -> new ArrayList<>())
                    .add(apply ? new UpdateOneModel<>(applyFilter(op), applyUpdate(op, articleId), UPSERT)
                            : new UpdateOneModel<>(retractFilter(op), retractUpdate(op, articleId)));
        }
        for (Map.Entry<String, List<WriteModel<Document>>> e : byCollection.entrySet()) {
            try {
                db.getCollection(e.getKey()).bulkWrite(e.getValue(), new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException ex) {
                boolean onlyAlreadyApplied = ex.getWriteConcernError() == null && ex.getWriteErrors().stream()
                        .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!apply || !onlyAlreadyApplied) {
                    throw ex;
                }
            }
            afterEach.run();
        }
    }

    private static Document applyFilter(BucketOp op) {
        return new Document("_id", op.id()).append("arts", new Document("$ne", op.tag()));
    }

    private static Document retractFilter(BucketOp op) {
        return new Document("_id", op.id()).append("arts", op.tag());
    }

    private static Document applyUpdate(BucketOp op, String articleId) {
        Document inc = new Document();
        op.incs().forEach(p -> inc.append(p, 1));
        Document push = new Document("arts", op.tag());
        op.pushes().forEach(p -> push.append(p, articleId));
        if (!op.items().isEmpty()) {
            push.append("items", new Document("$each", op.items()));
        }
        Document update = new Document("$push", push);
        if (!inc.isEmpty()) {
            update.append("$inc", inc);
        }
        return update;
    }

    private static Document retractUpdate(BucketOp op, String articleId) {
        Document inc = new Document();
        op.incs().forEach(p -> inc.append(p, -1));
        Document pull = new Document("arts", op.tag());
        op.pushes().forEach(p -> pull.append(p, articleId));
        if (!op.items().isEmpty()) {
            pull.append("items", new Document("a", articleId));
        }
        Document update = new Document("$pull", pull);
        if (!inc.isEmpty()) {
            update.append("$inc", inc);
        }
        return update;
    }

    /** Adds the contribution unless its tag is already there. */
    void apply(BucketOp op, String articleId) {
        Document update = applyUpdate(op, articleId);
        Document filter = new Document("_id", op.id()).append("arts", new Document("$ne", op.tag()));
        try {
            db.getCollection(op.collection()).updateOne(filter, update, UPSERT);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the document exists and already carries the tag: applied before
        }
    }

    /** Removes the contribution if (and only if) its tag is there. */
    void retract(BucketOp op, String articleId) {
        Document update = retractUpdate(op, articleId);
        db.getCollection(op.collection()).updateOne(new Document("_id", op.id()).append("arts", op.tag()), update);
    }
}
