package dev.newsflow.metrics.store;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.newsflow.events.ArticleEnriched;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The contributions of a whole batch merged into ONE update per aggregate document (plus one retraction update per
 * document that loses posting-list entries or items), each guarded by the batch tag recorded in the document's
 * {@code arts} array in the same atomic update: applying the batch twice changes nothing.
 *
 * <p>Deterministic: the same members (same versions, same order) always give the same updates, so a batch
 * interrupted by a crash is finished by recomputing them. Every document any member touches gets an update (even
 * one whose counts net to zero), so that a recomputation over fewer members never applies anything twice.
 */
final class BatchOps {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    /** One article of a batch: the version to apply, and the last applied version to retract (null when new). */
    record Member(ArticleEnriched current, ArticleEnriched previous) {
    }

    /** What the batch does to one aggregate document. */
    private static final class Acc {
        final String collection;
        final String id;
        final Map<String, Long> inc = new LinkedHashMap<>();
        final Map<String, Set<String>> push = new LinkedHashMap<>();
        final Map<String, Set<String>> pull = new LinkedHashMap<>();
        final List<Document> items = new ArrayList<>();
        final Set<String> pullItemsOf = new LinkedHashSet<>();

        Acc(String collection, String id) {
            this.collection = collection;
            this.id = id;
        }
    }

    private final Map<String, Acc> docs = new LinkedHashMap<>();
    private final List<String> figureDeletes = new ArrayList<>();
    private final Map<String, Document> figureUpserts = new LinkedHashMap<>();

    static BatchOps merge(List<Member> members, ContributionPlanner planner) {
        BatchOps ops = new BatchOps();
        for (Member m : members) {
            if (m.previous() != null) {
                Plan old = planner.plan(m.previous());
                for (BucketOp op : old.buckets()) {
                    Acc acc = ops.acc(op);
                    op.incs().forEach(p -> acc.inc.merge(p, -1L, Long::sum));
                    op.pushes().forEach(p -> acc.pull.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(m.previous().id()));
                    if (!op.items().isEmpty()) {
                        acc.pullItemsOf.add(m.previous().id());
                    }
                }
                old.figures().forEach(f -> ops.figureDeletes.add(f.getString("_id")));
            }
            Plan plan = planner.plan(m.current());
            for (BucketOp op : plan.buckets()) {
                Acc acc = ops.acc(op);
                op.incs().forEach(p -> acc.inc.merge(p, 1L, Long::sum));
                op.pushes().forEach(p -> acc.push.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(m.current().id()));
                acc.items.addAll(op.items());
            }
            plan.figures().forEach(f -> ops.figureUpserts.put(f.getString("_id"), f));
        }
        // an id both pulled from and pushed to the same list stays where it is ($pull and $push on one path conflict)
        for (Acc acc : ops.docs.values()) {
            acc.pull.forEach((path, ids) -> {
                Set<String> pushed = acc.push.get(path);
                if (pushed != null) {
                    Set<String> both = new LinkedHashSet<>(ids);
                    both.retainAll(pushed);
                    ids.removeAll(both);
                    pushed.removeAll(both);
                }
            });
            acc.pull.values().removeIf(Set::isEmpty);
            acc.push.values().removeIf(Set::isEmpty);
            acc.inc.values().removeIf(v -> v == 0);
        }
        return ops;
    }

    private Acc acc(BucketOp op) {
        return docs.computeIfAbsent(op.collection() + "\u0000" + op.id(), k -> new Acc(op.collection(), op.id()));
    }

    static String retractTag(String tag) {
        return tag + ":r";
    }

    /** Retractions (pulls) per collection, to run before {@link #additions}; guarded by {@code tag:r}. */
    Map<String, List<WriteModel<Document>>> retractions(String tag) {
        String rtag = retractTag(tag);
        Map<String, List<WriteModel<Document>>> out = new LinkedHashMap<>();
        for (Acc acc : docs.values()) {
            if (acc.pull.isEmpty() && acc.pullItemsOf.isEmpty()) {
                continue;
            }
            Document pull = new Document();
            acc.pull.forEach((path, ids) -> pull.append(path, new Document("$in", List.copyOf(ids))));
            if (!acc.pullItemsOf.isEmpty()) {
                pull.append("items", new Document("a", new Document("$in", List.copyOf(acc.pullItemsOf))));
            }
            Document update = new Document("$pull", pull).append("$push", new Document("arts", rtag));
            out.computeIfAbsent(acc.collection, c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    new Document("_id", acc.id).append("arts", new Document("$ne", rtag)), update));
        }
        return out;
    }

    /** Every touched document's counts and pushes, upserted; guarded by {@code tag}. */
    Map<String, List<WriteModel<Document>>> additions(String tag) {
        Map<String, List<WriteModel<Document>>> out = new LinkedHashMap<>();
        for (Acc acc : docs.values()) {
            Document push = new Document("arts", tag);
            acc.push.forEach((path, ids) -> push.append(path, new Document("$each", List.copyOf(ids))));
            if (!acc.items.isEmpty()) {
                push.append("items", new Document("$each", acc.items));
            }
            Document update = new Document("$push", push);
            if (!acc.inc.isEmpty()) {
                Document inc = new Document();
                acc.inc.forEach(inc::append);
                update.append("$inc", inc);
            }
            out.computeIfAbsent(acc.collection, c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    new Document("_id", acc.id).append("arts", new Document("$ne", tag)), update, UPSERT));
        }
        return out;
    }

    /** Figure documents of retracted versions (deleted before the new ones are upserted). */
    List<String> figureDeletes() {
        return figureDeletes;
    }

    List<Document> figureUpserts() {
        return List.copyOf(figureUpserts.values());
    }

    /** Touched aggregate documents per collection (for the clean-up of batch tags). */
    Map<String, Set<String>> touched() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        docs.values().forEach(a -> out.computeIfAbsent(a.collection, c -> new LinkedHashSet<>()).add(a.id));
        return out;
    }

    int documents() {
        return docs.size();
    }
}
