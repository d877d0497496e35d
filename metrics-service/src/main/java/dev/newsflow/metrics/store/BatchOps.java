package dev.newsflow.metrics.store;

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
 * document that loses posting-list entries or items), each guarded by the batch tag recorded as a field of the document's
 * {@code tags} in the same atomic update: applying the batch twice changes nothing.
 *
 * <p>Deterministic: the same members (same versions, same order) always give the same updates, so a batch
 * interrupted by a crash is finished by recomputing them. Every document any member touches gets an update (even
 * one whose counts net to zero), so that a recomputation over fewer members never applies anything twice.
 */
final class BatchOps {

    /**
     * One article of a batch: the version to apply and its number within its day ({@link DaySequences}), and the last
     * applied version to retract (null when new) with the number it was applied under.
     */
    record Member(ArticleEnriched current, long seq, ArticleEnriched previous, long previousSeq) {
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
        final Set<String> pushEntries = new LinkedHashSet<>();
        final Set<String> pullEntries = new LinkedHashSet<>();

        Acc(String collection, String id) {
            this.collection = collection;
            this.id = id;
        }
    }

    /** Paths per update at most (see {@link #additions}). */
    static final int MAX_PATHS = 400;

    private final Map<String, Acc> docs = new LinkedHashMap<>();
    private int maxPaths;
    private final List<String> figureDeletes = new ArrayList<>();
    private final Map<String, Document> figureUpserts = new LinkedHashMap<>();

    static BatchOps merge(List<Member> members, ContributionPlanner planner) {
        BatchOps ops = new BatchOps();
        for (Member m : members) {
            if (m.previous() != null) {
                Plan old = planner.plan(m.previous(), m.previousSeq());
                for (BucketOp op : old.buckets()) {
                    Acc acc = ops.acc(op);
                    op.incs().forEach(p -> acc.inc.merge(p, -1L, Long::sum));
                    op.pushes().forEach(p -> acc.pull.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(m.previous().id()));
                    if (!op.items().isEmpty()) {
                        acc.pullItemsOf.add(m.previous().id());
                    }
                    acc.pullEntries.addAll(op.entries());
                }
                old.figures().forEach(f -> ops.figureDeletes.add(f.getString("_id")));
            }
            Plan plan = planner.plan(m.current(), m.seq());
            for (BucketOp op : plan.buckets()) {
                Acc acc = ops.acc(op);
                op.incs().forEach(p -> acc.inc.merge(p, 1L, Long::sum));
                op.pushes().forEach(p -> acc.push.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(m.current().id()));
                acc.items.addAll(op.items());
                acc.pushEntries.addAll(op.entries());
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
            Set<String> bothEntries = new LinkedHashSet<>(acc.pullEntries);
            bothEntries.retainAll(acc.pushEntries);
            acc.pullEntries.removeAll(bothEntries);
            acc.pushEntries.removeAll(bothEntries);
            acc.pull.values().removeIf(Set::isEmpty);
            acc.push.values().removeIf(Set::isEmpty);
            acc.inc.values().removeIf(v -> v == 0);
            int additions = acc.inc.size() + acc.push.size() + (acc.items.isEmpty() ? 0 : 1) + (acc.pushEntries.isEmpty() ? 0 : 1);
            int retractions = acc.pull.size() + (acc.pullItemsOf.isEmpty() ? 0 : 1) + (acc.pullEntries.isEmpty() ? 0 : 1);
            ops.maxPaths = Math.max(ops.maxPaths, Math.max(additions, retractions));
        }
        return ops;
    }

    private Acc acc(BucketOp op) {
        return docs.computeIfAbsent(op.collection() + "\u0000" + op.id(), k -> new Acc(op.collection(), op.id()));
    }

    static String retractTag(String tag) {
        return tag + ":r";
    }

    /** The field recording that a guarded update was applied: {@code tags.TAG}. */
    static String tagPath(String tag) {
        return "tags." + tag;
    }

    /** One guarded update of one document: applied only if the document's {@code tags} lack {@code tag}. */
    record Guarded(String id, String tag, Document update, boolean upsert) {

        /** The same update also removing the given (finished) tags. */
        Guarded unsetting(List<String> finished) {
            Document unset = new Document();
            finished.forEach(t -> unset.append(tagPath(t), ""));
            Document u = new Document(update);
            u.append("$unset", unset);
            return new Guarded(id, tag, u, upsert);
        }
    }

    /**
     * Retractions (pulls) per collection, to run before {@link #additions}; guarded by {@code tag:r} (and
     * {@code tag:r#i} for the further parts of a document with many paths).
     */
    Map<String, List<Guarded>> retractions(String tag) {
        String rtag = retractTag(tag);
        Map<String, List<Guarded>> out = new LinkedHashMap<>();
        for (Acc acc : docs.values()) {
            if (acc.pull.isEmpty() && acc.pullItemsOf.isEmpty() && acc.pullEntries.isEmpty()) {
                continue;
            }
            List<Map.Entry<String, Object>> pulls = new ArrayList<>();
            acc.pull.forEach((path, ids) -> pulls.add(Map.entry(path, new Document("$in", List.copyOf(ids)))));
            if (!acc.pullItemsOf.isEmpty()) {
                pulls.add(Map.entry("items", new Document("a", new Document("$in", List.copyOf(acc.pullItemsOf)))));
            }
            if (!acc.pullEntries.isEmpty()) {
                pulls.add(Map.entry("entries", new Document("$in", List.copyOf(acc.pullEntries))));
            }
            List<List<Map.Entry<String, Object>>> parts = parts(pulls);
            for (int i = 0; i < parts.size(); i++) {
                String t = part(rtag, i);
                Document pull = new Document();
                parts.get(i).forEach(e -> pull.append(e.getKey(), e.getValue()));
                Document update = new Document("$pull", pull).append("$set", new Document(tagPath(t), 1));
                out.computeIfAbsent(acc.collection, c -> new ArrayList<>()).add(new Guarded(acc.id, t, update, false));
            }
        }
        return out;
    }

    /**
     * Every touched document's counts and pushes, upserted; guarded by {@code tag} (and {@code tag#i} for the further
     * parts of a document with many paths: mongo-java-server validates an update's paths pairwise, so one update with
     * tens of thousands of paths would take seconds).
     */
    Map<String, List<Guarded>> additions(String tag) {
        Map<String, List<Guarded>> out = new LinkedHashMap<>();
        for (Acc acc : docs.values()) {
            List<Map.Entry<String, Object>> paths = new ArrayList<>();
            acc.inc.forEach((path, v) -> paths.add(Map.entry("i" + path, v)));
            acc.push.forEach((path, ids) -> paths.add(Map.entry("p" + path, new Document("$each", List.copyOf(ids)))));
            if (!acc.items.isEmpty()) {
                paths.add(Map.entry("pitems", new Document("$each", acc.items)));
            }
            if (!acc.pushEntries.isEmpty()) {
                paths.add(Map.entry("pentries", new Document("$each", List.copyOf(acc.pushEntries))));
            }
            List<List<Map.Entry<String, Object>>> parts = parts(paths);
            for (int i = 0; i < parts.size(); i++) {
                String t = part(tag, i);
                Document push = new Document();
                Document inc = new Document();
                for (Map.Entry<String, Object> e : parts.get(i)) {
                    (e.getKey().charAt(0) == 'i' ? inc : push).append(e.getKey().substring(1), e.getValue());
                }
                Document update = new Document("$set", new Document(tagPath(t), 1));
                if (!push.isEmpty()) {
                    update.append("$push", push);
                }
                if (!inc.isEmpty()) {
                    update.append("$inc", inc);
                }
                out.computeIfAbsent(acc.collection, c -> new ArrayList<>()).add(new Guarded(acc.id, t, update, true));
            }
        }
        return out;
    }

    /** At least one (possibly empty) part, each of at most {@link #MAX_PATHS} paths. */
    private static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX_PATHS) {
            parts.add(all.subList(i, Math.min(all.size(), i + MAX_PATHS)));
        }
        if (parts.isEmpty()) {
            parts.add(List.of());
        }
        return parts;
    }

    private static String part(String tag, int i) {
        return i == 0 ? tag : tag + "#" + i;
    }

    /** Every tag the updates of this batch may carry (for the clean-up). */
    List<String> tags(String tag) {
        int parts = Math.max(1, (int) Math.ceil(maxPaths / (double) MAX_PATHS));
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            tags.add(part(tag, i));
            tags.add(part(retractTag(tag), i));
        }
        return tags;
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
