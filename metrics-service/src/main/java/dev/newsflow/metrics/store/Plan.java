package dev.newsflow.metrics.store;

import java.util.List;
import org.bson.Document;

/**
 * Everything an article version contributes: bucket contributions and one document per numeric fact. Planned
 * deterministically from the event, so the stored event of the last applied version is its exact ledger.
 */
record Plan(List<BucketOp> buckets, List<Document> figures) {
}
