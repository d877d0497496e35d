package dev.newsflow.metrics.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Everything an article version contributes: guarded bucket updates and one document per numeric fact.
 * The ledger form ({@link #ledger()}) is what the article document remembers, so that the contribution can be
 * retracted exactly later (re-enrichment, crash resume).
 */
record Plan(List<BucketOp> buckets, List<Document> figures) {

    Document ledger() {
        return new Document("buckets", buckets.stream().map(BucketOp::toDocument).toList())
                .append("figures", figures.stream().map(f -> f.getString("_id")).toList());
    }

    /** A contribution as recorded in a ledger: bucket ops and figure ids only. */
    record Ledger(List<BucketOp> buckets, List<String> figureIds) {

        static final Ledger EMPTY = new Ledger(List.of(), List.of());

        @SuppressWarnings("unchecked")
        static Ledger of(Document d) {
            if (d == null) {
                return EMPTY;
            }
            List<Document> b = (List<Document>) d.get("buckets", List.class);
            List<String> f = (List<String>) d.get("figures", List.class);
            return new Ledger(b == null ? List.of() : b.stream().map(BucketOp::fromDocument).toList(),
                    f == null ? List.of() : f);
        }

        Ledger union(Ledger other) {
            Map<String, BucketOp> ops = new LinkedHashMap<>();
            for (BucketOp op : buckets) {
                ops.put(op.collection() + "\u0000" + op.id() + "\u0000" + op.tag(), op);
            }
            for (BucketOp op : other.buckets) {
                ops.put(op.collection() + "\u0000" + op.id() + "\u0000" + op.tag(), op);
            }
            List<String> figs = new ArrayList<>(figureIds);
            other.figureIds.stream().filter(id -> !figs.contains(id)).forEach(figs::add);
            return new Ledger(List.copyOf(ops.values()), figs);
        }

        Document toDocument() {
            return new Document("buckets", buckets.stream().map(BucketOp::toDocument).toList()).append("figures", figureIds);
        }
    }
}
