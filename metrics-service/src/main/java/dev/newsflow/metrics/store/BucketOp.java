package dev.newsflow.metrics.store;

import java.util.List;
import org.bson.Document;

/**
 * One article version's contribution to one aggregate document: +1 on every {@code incs} path, the article id
 * appended to every {@code pushes} list, the {@code items} sub-documents (each carries {@code a} = the article id)
 * appended to {@code items} and the {@code entries} strings (each names the article, see
 * {@link ContributionPlanner#entryArticle}) appended to {@code entries}. Retracting the version applies the exact inverse
 * (entries are removed by value: the planner gives the same version the same strings). Contributions of a whole batch
 * are merged per document by {@link BatchOps}.
 */
public record BucketOp(String collection, String id, List<String> incs, List<String> pushes, List<Document> items,
                       List<String> entries) {

    public BucketOp {
        incs = List.copyOf(incs);
        pushes = List.copyOf(pushes);
        items = items == null ? List.of() : List.copyOf(items);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    BucketOp(String collection, String id, List<String> incs, List<String> pushes) {
        this(collection, id, incs, pushes, List.of(), List.of());
    }

    static BucketOp items(String collection, String id, List<Document> items) {
        return new BucketOp(collection, id, List.of(), List.of(), items, List.of());
    }

    static BucketOp entries(String collection, String id, List<String> entries) {
        return new BucketOp(collection, id, List.of(), List.of(), List.of(), entries);
    }
}
