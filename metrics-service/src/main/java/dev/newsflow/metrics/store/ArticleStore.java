package dev.newsflow.metrics.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.newsflow.events.ArticleEnriched;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores batches of enriched articles and their aggregate contributions with an exactly-once effect and no
 * transactions, in two halves: {@link #prepare} makes a batch durable and its articles readable by id;
 * {@link #apply} adds the contributions of one or several prepared batches to the aggregates ({@link #storeAll} does
 * both at once; the consumer runs the second half behind the first, see {@link AggregateApplier}).
 *
 * <p>Protocol for a batch (steps 3-6 idempotent, so finishing a batch again after a crash anywhere is safe):
 * <ol>
 * <li>Keep the newest version of each article id. Any unfinished batch containing one of these articles is finished
 *     first ({@link #resume}), so every stored article document is applied and a retraction concerns exactly that
 *     one applied version. Read the stored documents with one query; classify: same content → duplicate; older
 *     enrichment → stale; otherwise a member (new, or changed: its stored version is retracted). Number the members
 *     within their days ({@link DaySequences#take}: taken before anything is written under the numbers). Write the batch
 *     document {@code {_id: T, members, events, previous, seqs, previousSeqs}} FIRST: the complete ledger of the
 *     batch.</li>
 * <li>Write the member documents (state PENDING, batch T). The batch is now durable: the consumer may commit.</li>
 * <li>Claim the batches for the tag their contributions are applied under: a new tag M ({@code applyTag: M} set on
 *     each batch document still without one; a batch finished by a resume claims its own tag T). A claim is never
 *     undone, so whoever finishes a batch later (a resume, another instance) applies exactly the batches claimed by M
 *     under M, in the order of their ids: the same updates as the first attempt.</li>
 * <li>Run the merged updates ({@link BatchOps}): retractions guarded by {@code M:r}, then one guarded upsert per
 *     touched aggregate document guarded by {@code M}; delete retracted figures, upsert the new ones.</li>
 * <li>Mark the members APPLIED.</li>
 * <li>Delete the batch documents. Tags are later pulled from {@code arts} in bulk (a crash before leaves harmless
 *     stale tags).</li>
 * </ol>
 * Plans are deterministic, so the batch documents alone reproduce exactly the same updates: a resume (on redelivery
 * of a member, or at start-up) and even a concurrent owner apply each update at most once.
 */
@Component
public class ArticleStore implements AutoCloseable {

    static final String PENDING = "PENDING";
    static final String APPLIED = "APPLIED";
    /** Documents whose finished tags are remembered at most (beyond, they are forgotten: stale tags are harmless). */
    private static final int MAX_STALE = 200_000;
    private static final long MAX_BATCH_BYTES = 8L << 20;
    /** Aggregate collections written side by side when nothing else is configured. */
    static final int DEFAULT_WRITERS = 4;
    private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);

    private final MongoDatabaseFactory factory;
    private final ContributionPlanner planner;
    private final JsonMapper json;
    /** Called after every write with the step name; tests throw from it to simulate a crash. */
    private volatile Consumer<String> afterWrite = step -> { };
    private volatile Buckets.Guard guard;
    /** The field of a batch document naming the tag its contribution is (being) applied under (step 3). */
    static final String APPLY_TAG = "applyTag";

    /** Tags of finished batches per touched document ({@code collection NUL id}), removed by its next update. */
    private final Map<String, List<String>> staleTags = new HashMap<>();
    /** Writes the aggregate collections of a step side by side. */
    private final CollectionWriters writers;
    /** Held while preparing batches (steps 1-2: classification and numbering must see the previous batch's writes). */
    private final Object prepareLock = new Object();
    /** Held while applying or resuming (steps 3-6: one batch's aggregate updates at a time, {@link #staleTags}). */
    private final Object applyLock = new Object();
    private volatile String lastSteps = "";
    private boolean layoutChecked;

    /** {@code writers}: aggregate collections written side by side per step ({@code newsflow.metrics.store.writers}). */
    @Autowired
    public ArticleStore(MongoDatabaseFactory factory, ContributionPlanner planner, JsonMapper json,
                        @Value("${newsflow.metrics.store.writers:" + DEFAULT_WRITERS + "}") int writers) {
        this.factory = factory;
        this.planner = planner;
        this.json = json;
        this.writers = new CollectionWriters(writers);
    }

    public ArticleStore(MongoDatabaseFactory factory, ContributionPlanner planner, JsonMapper json) {
        this(factory, planner, json, DEFAULT_WRITERS);
    }

    @Override
    public void close() {
        writers.close();
    }

    void afterWrite(Consumer<String> hook) {
        this.afterWrite = hook == null ? step -> { } : hook;
    }

    /** Marks the end of a write step: times it (for the batch log line) and calls the test hook. */
    private void wrote(StepTimes times, String step) {
        times.step(step);
        afterWrite.accept(step);
    }

    /** The end of one collection's writes of a step that runs collections side by side (from a writer thread). */
    private void wrote(StepTimes times, String step, long nanos) {
        times.step(step, nanos);
        afterWrite.accept(step);
    }

    /**
     * Milliseconds spent in each write step (the write included) by the last {@link #storeAll}, slowest first; the
     * collections of a retract/apply step are written side by side, so those overlap.
     */
    public String lastSteps() {
        return lastSteps;
    }

    private MongoDatabase db() {
        return factory.getMongoDatabase();
    }

    void guard(Buckets.Guard g) {
        this.guard = g;
    }

    /**
     * {@link Buckets.Guard#READ_CHECK} on mongo-java-server (its serverStatus names the process "java"), else
     * {@link Buckets.Guard#ATOMIC}.
     */
    Buckets.Guard guard() {
        Buckets.Guard g = guard;
        if (g == null) {
            try {
                Document status = db().runCommand(new Document("serverStatus", 1));
                g = "java".equals(status.getString("process")) ? Buckets.Guard.READ_CHECK : Buckets.Guard.ATOMIC;
            } catch (RuntimeException e) {
                g = Buckets.Guard.ATOMIC;
            }
            log.info("aggregate update guard: {}", g);
            guard = g;
        }
        return g;
    }

    private Buckets buckets() {
        return new Buckets(db(), guard());
    }

    /** The members' documents of batch {@code tag} (mongo-java-server scans for anything but an {@code _id} filter). */
    private Bson members(List<String> ids, String tag) {
        return guard() == Buckets.Guard.ATOMIC ? Filters.and(Filters.in("_id", ids), Filters.eq("batch", tag)) : Filters.in("_id", ids);
    }

    /** Stores one article (a batch of one). */
    public StoreOutcome store(ArticleEnriched article) {
        return storeAll(List.of(article)).get(0);
    }

    /** Stores a batch, its aggregate contribution included; returns the outcome of each incoming event, in order. */
    public List<StoreOutcome> storeAll(List<ArticleEnriched> incoming) {
        StepTimes times = new StepTimes();
        Preparation p = prepare(incoming, () -> { }, times);
        for (Prepared batch : p.batches()) {
            apply(List.of(batch), times);
        }
        lastSteps = times.format();
        return p.outcomes();
    }

    /** A batch whose ledger and member documents are written (steps 1-2); its contribution is still to be applied. */
    record Prepared(String tag, List<BatchOps.Member> members) {
    }

    /**
     * What {@link #prepare} did: the outcome of each incoming event in order, the batches to apply (one unless the
     * events were too large for one batch document) and the time per write step.
     */
    record Preparation(List<StoreOutcome> outcomes, List<Prepared> batches, String steps) {
    }

    /**
     * Steps 1-2 for a batch: afterwards its members are stored (readable by id, a redelivery is a duplicate) and their
     * contribution is recorded in batch documents for {@link #apply}. {@code beforeResume} runs when a member is in an
     * unfinished batch, before that batch is finished here (the consumer lets its own applier finish first).
     */
    Preparation prepare(List<ArticleEnriched> incoming, Runnable beforeResume) {
        StepTimes times = new StepTimes();
        Preparation p = prepare(incoming, beforeResume, times);
        return new Preparation(p.outcomes(), p.batches(), times.format());
    }

    private Preparation prepare(List<ArticleEnriched> incoming, Runnable beforeResume, StepTimes times) {
        synchronized (prepareLock) {
            return prepareLocked(incoming, beforeResume, times);
        }
    }

    private Preparation prepareLocked(List<ArticleEnriched> incoming, Runnable beforeResume, StepTimes times) {
        if (!layoutChecked) {
            // before this process's first article: a store that starts empty is in the current layout
            LayoutCheck.markIfEmpty(db());
            layoutChecked = true;
        }
        StoreOutcome[] out = new StoreOutcome[incoming.size()];
        String[] hashes = new String[incoming.size()];
        Map<String, Integer> winners = new LinkedHashMap<>();
        for (int i = 0; i < incoming.size(); i++) {
            ArticleEnriched a = incoming.get(i);
            hashes[i] = contentHash(a);
            Integer w = winners.get(a.id());
            if (w == null) {
                winners.put(a.id(), i);
            } else if (isBefore(enrichedAt(a), enrichedAt(incoming.get(w)))) {
                out[i] = hashes[i].equals(hashes[w]) ? StoreOutcome.DUPLICATE : StoreOutcome.STALE;
            } else {
                out[w] = hashes[i].equals(hashes[w]) ? StoreOutcome.DUPLICATE : StoreOutcome.STALE;
                winners.put(a.id(), i);
            }
        }
        // an unfinished batch with one of these articles is finished first: stored documents are then all applied
        List<String> unfinished = unfinishedWith(winners.keySet());
        if (!unfinished.isEmpty()) {
            beforeResume.run();
            unfinished = unfinishedWith(winners.keySet());
        }
        Set<String> resumed = new LinkedHashSet<>();
        unfinished.forEach(tag -> resumed.addAll(resume(tag)));
        Map<String, Document> existing = load(winners.keySet());
        times.step("classify");

        List<ArticleEnriched> currents = new ArrayList<>();
        List<Document> stored = new ArrayList<>();
        for (Map.Entry<String, Integer> w : winners.entrySet()) {
            int i = w.getValue();
            ArticleEnriched a = incoming.get(i);
            Document ex = existing.get(w.getKey());
            if (ex != null) {
                if (isBefore(enrichedAt(a), instant(ex.getDate("enrichedAt")))) {
                    out[i] = StoreOutcome.STALE;
                    continue;
                }
                if (hashes[i].equals(ex.getString("hash"))) {
                    out[i] = resumed.contains(a.id()) ? StoreOutcome.STORED : StoreOutcome.DUPLICATE;
                    continue;
                }
            }
            currents.add(a);
            stored.add(ex);
            out[i] = StoreOutcome.STORED;
        }
        // number the new versions within their days BEFORE anything is written under those numbers (see DaySequences)
        Map<String, Integer> perDay = new HashMap<>();
        currents.forEach(a -> perDay.merge(Days.of(a).toString(), 1, Integer::sum));
        Map<String, Long> next = new HashMap<>(DaySequences.take(db(), perDay));
        List<BatchOps.Member> members = new ArrayList<>();
        for (int i = 0; i < currents.size(); i++) {
            ArticleEnriched a = currents.get(i);
            long seq = next.merge(Days.of(a).toString(), 1L, Long::sum) - 1;
            Document ex = stored.get(i);
            members.add(new BatchOps.Member(a, seq, ex == null ? null : json.readValue(ex.getString("json"), ArticleEnriched.class),
                    ex == null ? 0 : seqOf(ex)));
        }
        wrote(times, "numbers");
        List<Prepared> batches = new ArrayList<>();
        Map<String, Encoded> encoded = new HashMap<>();
        for (List<BatchOps.Member> part : bySize(members)) {
            String tag = UUID.randomUUID().toString();
            List<String> events = new ArrayList<>();
            List<String> previous = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            List<Long> previousSeqs = new ArrayList<>();
            for (BatchOps.Member m : part) {
                String event = json.writeValueAsString(m.current());
                encoded.put(m.current().id(), new Encoded(hashes[winners.get(m.current().id())], event));
                events.add(event);
                previous.add(m.previous() == null ? null : json.writeValueAsString(m.previous()));
                seqs.add(m.seq());
                previousSeqs.add(m.previousSeq());
            }
            ledgers().insertOne(new Document("_id", tag)
                    .append("members", part.stream().map(m -> m.current().id()).toList())
                    .append("events", events).append("previous", previous)
                    .append("seqs", seqs).append("previousSeqs", previousSeqs).append("at", new Date()));
            wrote(times, "batch");
            Prepared batch = new Prepared(tag, part);
            writeMembers(List.of(batch), encoded);
            wrote(times, "articles");
            batches.add(batch);
        }
        return new Preparation(List.of(out), List.copyOf(batches), "");
    }

    /** The unfinished batches holding any of these articles. */
    private List<String> unfinishedWith(Set<String> ids) {
        List<String> tags = new ArrayList<>();
        ledgers().find(Filters.in("members", List.copyOf(ids))).projection(new Document("_id", 1)).forEach(d -> tags.add(d.getString("_id")));
        return tags;
    }

    private MongoCollection<Document> ledgers() {
        return db().getCollection(Collections.BATCHES);
    }

    /**
     * Step 2: the member documents, PENDING under their own batch's tag. {@code encoded}: members' hash and JSON
     * already computed by the caller (by id); the others are encoded here.
     */
    private void writeMembers(List<Prepared> batches, Map<String, Encoded> encoded) {
        List<WriteModel<Document>> models = new ArrayList<>();
        for (Prepared b : batches) {
            for (BatchOps.Member m : b.members()) {
                Encoded e = encoded.get(m.current().id());
                if (e == null) {
                    e = new Encoded(contentHash(m.current()), json.writeValueAsString(m.current()));
                }
                models.add(new ReplaceOneModel<>(Filters.eq("_id", m.current().id()),
                        articleDocument(m.current(), e, m.seq()).append("state", PENDING).append("batch", b.tag()),
                        new ReplaceOptions().upsert(true)));
            }
        }
        if (!models.isEmpty()) {
            db().getCollection(Collections.ARTICLES).bulkWrite(models, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Steps 3-6 for prepared batches: their contributions merged into one update per aggregate document, under one
     * new tag the batches are first claimed for (a batch that a resume already finished or claimed is left to it).
     * Returns the time per write step.
     */
    String apply(List<Prepared> batches) {
        StepTimes times = new StepTimes();
        apply(batches, times);
        return times.format();
    }

    private void apply(List<Prepared> batches, StepTimes times) {
        if (batches.isEmpty()) {
            return;
        }
        synchronized (applyLock) {
            // claimed even when alone: a batch a resume finished meanwhile (start-up, another instance) is not ours
            String applyTag = "m-" + UUID.randomUUID();
            List<String> tags = batches.stream().map(Prepared::tag).toList();
            ledgers().updateMany(Filters.and(Filters.in("_id", tags), Filters.exists(APPLY_TAG, false)), Updates.set(APPLY_TAG, applyTag));
            Set<String> claimed = new HashSet<>();
            ledgers().find(Filters.eq(APPLY_TAG, applyTag)).projection(new Document("_id", 1)).forEach(d -> claimed.add(d.getString("_id")));
            wrote(times, "claim");
            List<Prepared> group = batches.stream().filter(b -> claimed.contains(b.tag()))
                    .sorted(Comparator.comparing(Prepared::tag)).toList();
            if (!group.isEmpty()) {
                finish(applyTag, group, true, false, times);
            }
        }
    }

    /** Splits the members so that each batch document (their events and previous versions) stays far below 16 MB. */
    private List<List<BatchOps.Member>> bySize(List<BatchOps.Member> members) {
        List<List<BatchOps.Member>> parts = new ArrayList<>();
        List<BatchOps.Member> part = new ArrayList<>();
        long bytes = 0;
        for (BatchOps.Member m : members) {
            long size = approximateBytes(m.current()) + (m.previous() == null ? 0 : approximateBytes(m.previous()));
            if (!part.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(m);
            bytes += size;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private static long approximateBytes(ArticleEnriched a) {
        long chars = (a.body() == null ? 0 : a.body().length()) + (a.title() == null ? 0 : a.title().length());
        return 3 * chars + 200L * (a.entities().size() + a.figures().size() + a.dates().size() + a.keywords().size()) + 2_000;
    }

    /**
     * Finishes an interrupted batch from its batch document (the complete ledger: every member's event and the
     * version it replaces), together with every batch claimed for the same tag (step 3; an unclaimed batch claims
     * its own tag first): the same members in the same order give the same updates, re-run under the same tag.
     * Returns the ids of the members finished.
     */
    List<String> resume(String tag) {
        synchronized (applyLock) {
            Document ledger = ledgers().find(Filters.eq("_id", tag)).projection(new Document(APPLY_TAG, 1)).first();
            if (ledger != null && ledger.getString(APPLY_TAG) == null) {
                ledgers().updateOne(Filters.and(Filters.eq("_id", tag), Filters.exists(APPLY_TAG, false)), Updates.set(APPLY_TAG, tag));
                ledger = ledgers().find(Filters.eq("_id", tag)).projection(new Document(APPLY_TAG, 1)).first();
            }
            if (ledger == null) {
                return List.of();
            }
            String applyTag = ledger.getString(APPLY_TAG);
            List<Prepared> group = new ArrayList<>();
            ledgers().find(Filters.eq(APPLY_TAG, applyTag)).sort(new Document("_id", 1)).forEach(d -> group.add(fromLedger(d)));
            finish(applyTag, group, false, true, new StepTimes());
            List<String> ids = group.stream().flatMap(g -> g.members().stream()).map(m -> m.current().id()).toList();
            log.info("finished interrupted store batch {} ({} batch(es), {} article(s))", applyTag, group.size(), ids.size());
            return ids;
        }
    }

    @SuppressWarnings("unchecked")
    private Prepared fromLedger(Document batch) {
        List<String> events = (List<String>) batch.get("events");
        List<String> previous = (List<String>) batch.get("previous");
        List<?> seqs = batch.get("seqs", List.class);
        List<?> previousSeqs = batch.get("previousSeqs", List.class);
        List<BatchOps.Member> members = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            members.add(new BatchOps.Member(json.readValue(events.get(i), ArticleEnriched.class), number(seqs, i),
                    previous.get(i) == null ? null : json.readValue(previous.get(i), ArticleEnriched.class), number(previousSeqs, i)));
        }
        return new Prepared(batch.getString("_id"), members);
    }

    /** Finishes every interrupted batch (start-up); returns how many batch documents there were. */
    int resumeAll() {
        synchronized (applyLock) {
            List<String> tags = new ArrayList<>();
            ledgers().find().projection(new Document("_id", 1)).forEach(d -> tags.add(d.getString("_id")));
            tags.forEach(this::resume);
            return tags.size();
        }
    }

    /**
     * Steps 4-6 for batches whose documents are written, under {@code applyTag}: idempotent, so also the way to finish
     * them after a crash ({@code newTag} false: a resume, whose updates may already be in some documents;
     * {@code writeMembers}: the member documents may be missing, step 2 is repeated).
     */
    private void finish(String applyTag, List<Prepared> batches, boolean newTag, boolean writeMembers, StepTimes times) {
        if (writeMembers) {
            writeMembers(batches, Map.of());
            wrote(times, "articles");
        }
        List<BatchOps.Member> members = batches.stream().flatMap(b -> b.members().stream()).toList();
        BatchOps ops = BatchOps.merge(members, planner);
        apply(applyTag, ops, newTag, times);
        for (Prepared b : batches) {
            db().getCollection(Collections.ARTICLES).updateMany(members(b.members().stream().map(m -> m.current().id()).toList(), b.tag()),
                    Updates.combine(Updates.set("state", APPLIED), Updates.unset("batch")));
        }
        wrote(times, "applied");
        ledgers().deleteMany(Filters.in("_id", batches.stream().map(Prepared::tag).toList()));
        wrote(times, "batch:delete");
        finished(applyTag, ops);
    }

    /**
     * Re-applies stored articles onto empty aggregates (admin rebuild), each under its stored number within its day
     * (articles stored before numbers existed get one, written back to their document).
     */
    void reapply(List<Document> articleDocs) {
        if (articleDocs.isEmpty()) {
            return;
        }
        synchronized (prepareLock) {
            synchronized (applyLock) {
                reapplyLocked(articleDocs);
            }
        }
    }

    private void reapplyLocked(List<Document> articleDocs) {
        List<ArticleEnriched> articles = articleDocs.stream().map(d -> json.readValue(d.getString("json"), ArticleEnriched.class)).toList();
        Map<String, Long> next = new HashMap<>(DaySequences.next(db(), articles.stream().map(a -> Days.of(a).toString()).distinct().toList()));
        for (int i = 0; i < articles.size(); i++) {
            if (articleDocs.get(i).get("seq") instanceof Number n) {
                next.merge(Days.of(articles.get(i)).toString(), n.longValue() + 1, Math::max);
            }
        }
        List<BatchOps.Member> members = new ArrayList<>();
        List<WriteModel<Document>> numbered = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            ArticleEnriched a = articles.get(i);
            long seq;
            if (articleDocs.get(i).get("seq") instanceof Number n) {
                seq = n.longValue();
            } else {
                seq = next.merge(Days.of(a).toString(), 1L, Long::sum) - 1;
                numbered.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", a.id()), Updates.set("seq", seq)));
            }
            members.add(new BatchOps.Member(a, seq, null, 0));
        }
        DaySequences.advance(db(), next);
        if (!numbered.isEmpty()) {
            db().getCollection(Collections.ARTICLES).bulkWrite(numbered, new BulkWriteOptions().ordered(false));
        }
        StepTimes times = new StepTimes();
        String tag = "rebuild-" + UUID.randomUUID();
        BatchOps ops = BatchOps.merge(members, planner);
        apply(tag, ops, true, times);
        db().getCollection(Collections.ARTICLES).updateMany(Filters.in("_id", members.stream().map(m -> m.current().id()).toList()),
                Updates.combine(Updates.set("state", APPLIED), Updates.unset("batch")));
        finished(tag, ops);
        lastSteps = times.format();
    }

    /** {@code newTag}: {@code tag} was created for this attempt (not a resume), so no document carries it yet. */
    private void apply(String tag, BatchOps ops, boolean newTag, StepTimes times) {
        Buckets buckets = buckets();
        // retractions before additions: a changed article's id is pulled from a posting list before it is pushed again
        List<Runnable> retract = new ArrayList<>(buckets.tasks(ops.retractions(tag), (c, nanos) -> wrote(times, "retract:" + c, nanos), staleTags, newTag));
        if (!ops.figureDeletes().isEmpty()) {
            retract.add(timed(times, "retract:figures", () -> figures().deleteMany(Filters.in("_id", ops.figureDeletes()))));
        }
        writers.runAll(retract);
        List<Runnable> add = new ArrayList<>(buckets.tasks(ops.additions(tag), (c, nanos) -> wrote(times, "apply:" + c, nanos), staleTags, newTag));
        if (!ops.figureUpserts().isEmpty()) {
            add.add(timed(times, "figures", () -> figures().bulkWrite(ops.figureUpserts().stream()
                    .<WriteModel<Document>>map(f -> new ReplaceOneModel<>(Filters.eq("_id", f.getString("_id")), f, new ReplaceOptions().upsert(true)))
                    .toList(), new BulkWriteOptions().ordered(false))));
        }
        writers.runAll(add);
    }

    private MongoCollection<Document> figures() {
        return db().getCollection(Collections.FIGURES);
    }

    private Runnable timed(StepTimes times, String step, Runnable write) {
        return () -> {
            long start = System.nanoTime();
            write.run();
            wrote(times, step, System.nanoTime() - start);
        };
    }

    /** Remembers a finished batch's tags for the documents it touched: their next update removes them. */
    private void finished(String tag, BatchOps ops) {
        if (staleTags.size() > MAX_STALE) {
            staleTags.clear();
        }
        List<String> tags = ops.tags(tag);
        ops.touched().forEach((c, ids) -> ids.forEach(id -> staleTags.merge(c + "\u0000" + id, tags, (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        })));
    }

    /** Removes the remembered tags of finished batches with one update per document (after a rebuild). Best effort. */
    public void removeFinishedTags() {
        synchronized (applyLock) {
            removeFinishedTagsLocked();
        }
    }

    private void removeFinishedTagsLocked() {
        if (staleTags.isEmpty()) {
            return;
        }
        Map<List<String>, Map<String, Set<String>>> byTags = new HashMap<>();
        staleTags.forEach((key, tags) -> {
            int nul = key.indexOf('\u0000');
            byTags.computeIfAbsent(tags, t -> new HashMap<>()).computeIfAbsent(key.substring(0, nul), c -> new LinkedHashSet<>())
                    .add(key.substring(nul + 1));
        });
        try {
            Buckets b = buckets();
            byTags.forEach((tags, docs) -> b.removeTags(docs, tags));
        } catch (RuntimeException e) {
            log.warn("could not remove finished batch tags (harmless, they stay): {}", e.toString());
        }
        staleTags.clear();
    }

    private Map<String, Document> load(Set<String> ids) {
        Map<String, Document> out = new HashMap<>();
        db().getCollection(Collections.ARTICLES).find(Filters.in("_id", List.copyOf(ids)))
                .projection(new Document("hash", 1).append("enrichedAt", 1).append("json", 1).append("seq", 1))
                .forEach(d -> out.put(d.getString("_id"), d));
        return out;
    }

    /** The article document as stored once its contribution is applied (used by bulk loaders). */
    Document appliedDocument(ArticleEnriched a, long seq) {
        return articleDocument(a, new Encoded(contentHash(a), json.writeValueAsString(a)), seq).append("state", APPLIED);
    }

    /** An article's content hash ({@link #contentHash}) and its event as JSON, computed once per article and batch. */
    private record Encoded(String hash, String json) {
    }

    private Document articleDocument(ArticleEnriched a, Encoded encoded, long seq) {
        String day = Days.of(a).toString();
        return new Document("_id", a.id())
                .append("day", day)
                .append("seq", seq)
                .append("title", a.title())
                .append("body", a.body())
                .append("source", a.source())
                .append("section", a.section())
                .append("publishedAt", a.publishedAt())
                .append("ingestedAt", a.ingestedAt() == null ? null : Date.from(a.ingestedAt()))
                .append("enrichedAt", a.provenance() == null || a.provenance().enrichedAt() == null ? null
                        : Date.from(a.provenance().enrichedAt()))
                .append("modelVersion", a.provenance() == null ? null : a.provenance().modelVersion())
                .append("entityCount", a.entities().size())
                .append("figureCount", a.figures().size())
                .append("hash", encoded.hash())
                .append("json", encoded.json());
    }

    /** Hash of what counts: the article without its ingestion and enrichment timestamps. */
    String contentHash(ArticleEnriched a) {
        ArticleEnriched.Provenance p = a.provenance();
        ArticleEnriched normalised = new ArticleEnriched(a.schemaVersion(), a.id(), a.language(), a.title(), a.body(),
                a.source(), a.url(), a.section(), a.publishedAt(), null, a.layout(), a.entities(), a.figures(),
                a.dates(), a.keywords(), a.summary(), a.regions(), a.stats(),
                p == null ? null : new ArticleEnriched.Provenance(p.pipelineVersion(), p.modelVersion(), null));
        return ContributionPlanner.sha256(json.writeValueAsString(normalised)).substring(0, 32);
    }

    /** The number an applied article document was stored under (0 for documents from before numbers existed). */
    private static long seqOf(Document articleDoc) {
        return articleDoc.get("seq") instanceof Number n ? n.longValue() : 0;
    }

    private static long number(List<?> values, int i) {
        return values != null && i < values.size() && values.get(i) instanceof Number n ? n.longValue() : 0;
    }

    private static Instant enrichedAt(ArticleEnriched a) {
        return a.provenance() == null ? null : a.provenance().enrichedAt();
    }

    /** True only when both are known and {@code a} is strictly earlier. */
    private static boolean isBefore(Instant a, Instant b) {
        return a != null && b != null && a.isBefore(b);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
