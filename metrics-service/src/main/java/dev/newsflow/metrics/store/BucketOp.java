package dev.newsflow.metrics.store;

import java.util.List;
import org.bson.Document;

/**
 * One article version's contribution to one aggregate document: +1 on every {@code incs} path, the article id
 * appended to every {@code pushes} list and the {@code items} sub-documents (each carries {@code a} = the article id)
 * appended to {@code items}. Retracting the version applies the exact inverse. Contributions of a whole batch are
 * merged per document by {@link BatchOps}.
 */
public record BucketOp(String collection, String id, List<String> incs, List<String> pushes, List<Document> items) {

    public BucketOp {
        incs = List.copyOf(incs);
        pushes = List.copyOf(pushes);
        items = items == null ? List.of() : List.copyOf(items);
    }

    BucketOp(String collection, String id, List<String> incs, List<String> pushes) {
        this(collection, id, incs, pushes, List.of());
    }
}
