package dev.newsflow.metrics.store;

import java.util.List;
import org.bson.Document;

/**
 * One article's contribution to one aggregate document: +1 on every {@code incs} path and the article id
 * appended to every {@code pushes} list, applied at most once thanks to {@code tag} (the article id plus a hash
 * of exactly these paths) recorded in the document's {@code arts} array in the same atomic update.
 */
public record BucketOp(String collection, String id, String tag, List<String> incs, List<String> pushes, List<Document> items) {

    /** Sub-documents pushed to {@code items} (each carries {@code a} = the article id); not kept in the ledger. */
    public BucketOp {
        items = items == null ? List.of() : items;
    }

    BucketOp(String collection, String id, String tag, List<String> incs, List<String> pushes) {
        this(collection, id, tag, incs, pushes, List.of());
    }

    Document toDocument() {
        return new Document("c", collection).append("id", id).append("t", tag).append("inc", incs).append("push", pushes)
                .append("items", !items.isEmpty());
    }

    @SuppressWarnings("unchecked")
    static BucketOp fromDocument(Document d) {
        return new BucketOp(d.getString("c"), d.getString("id"), d.getString("t"),
                (List<String>) d.get("inc"), (List<String>) d.get("push"),
                Boolean.TRUE.equals(d.getBoolean("items")) ? List.of(new Document()) : List.of());
    }
}
