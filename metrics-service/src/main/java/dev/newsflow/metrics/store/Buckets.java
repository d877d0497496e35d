package dev.newsflow.metrics.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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

    /** Adds the contribution unless its tag is already there. */
    void apply(BucketOp op, String articleId) {
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
        db.getCollection(op.collection()).updateOne(new Document("_id", op.id()).append("arts", op.tag()), update);
    }
}
