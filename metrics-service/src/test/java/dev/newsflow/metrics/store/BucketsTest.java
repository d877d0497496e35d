package dev.newsflow.metrics.store;

import static dev.newsflow.metrics.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.metrics.TestMongo;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The merged, tag-guarded updates of a batch on their own. */
class BucketsTest {

    private static TestMongo mongo;
    private static final ContributionPlanner PLANNER = new ContributionPlanner();

    @BeforeAll
    static void start() {
        mongo = new TestMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static final ArticleEnriched A1 = article("a1").day("2026-11-20").person("王伟").build();
    private static final ArticleEnriched A2 = article("a2").day("2026-11-20").person("王伟").person("李娜").build();

    private static void run(Buckets b, BatchOps ops, String tag) {
        write(b, ops.retractions(tag));
        write(b, ops.additions(tag));
    }

    /** One collection after the other, as a resume (tags not new) with no finished tags to remove. */
    private static void write(Buckets b, java.util.Map<String, List<BatchOps.Guarded>> updates) {
        b.tasks(updates, (c, nanos) -> { }, java.util.Map.of(), false).forEach(Runnable::run);
    }

    private static Document counts(MongoDatabase db, String id) {
        return db.getCollection(Collections.COUNTS).find(new Document("_id", id)).first();
    }

    @Test
    void aBatchTouchingADocumentManyTimesUpdatesItOnceAndApplyingItTwiceCountsOnce() {
        MongoDatabase db = mongo.factory("b1").getMongoDatabase();
        Buckets b = new Buckets(db, Buckets.Guard.READ_CHECK);
        BatchOps ops = BatchOps.merge(List.of(new BatchOps.Member(A1, 0, null, 0), new BatchOps.Member(A2, 0, null, 0)), PLANNER);
        assertThat(ops.additions("T").get(Collections.DAYS)).hasSize(1);
        run(b, ops, "T");
        run(b, ops, "T");
        assertThat(counts(db, "*|all|0").get("n", Number.class).intValue()).isEqualTo(2);
        Document day = counts(db, "*|2026-11|PERSON");
        assertThat(day.get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(2);
        Document posts = db.getCollection(Collections.POSTS).find().first().get("posts", Document.class);
        assertThat(posts.getList("all", String.class)).containsExactly("a1", "a2");
    }

    @Test
    void retractionAndReAdditionOfTheSameIdOnOneListNetOut() {
        MongoDatabase db = mongo.factory("b2").getMongoDatabase();
        Buckets b = new Buckets(db, Buckets.Guard.READ_CHECK);
        run(b, BatchOps.merge(List.of(new BatchOps.Member(A1, 0, null, 0), new BatchOps.Member(A2, 0, null, 0)), PLANNER), "T1");
        ArticleEnriched a1v2 = article("a1").day("2026-11-20").person("李娜").build();
        BatchOps change = BatchOps.merge(List.of(new BatchOps.Member(a1v2, 0, A1, 0)), PLANNER);
        run(b, change, "T2");
        run(b, change, "T2");
        assertThat(counts(db, "*|all|0").get("n", Number.class).intValue()).isEqualTo(2);
        Document day = counts(db, "*|2026-11|PERSON");
        assertThat(day.get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(1);
        assertThat(day.get("ent", Document.class).get("PERSON|李娜", Number.class).intValue()).isEqualTo(2);
        Document posts = db.getCollection(Collections.POSTS).find().first().get("posts", Document.class);
        assertThat(posts.getList("all", String.class)).containsExactly("a1", "a2");
        assertThat(posts.get("ent", Document.class).getList("PERSON|王伟", String.class)).containsExactly("a2");
        assertThat(posts.get("ent", Document.class).getList("PERSON|李娜", String.class)).containsExactlyInAnyOrder("a1", "a2");
    }

    @Test
    void theAtomicGuardAppliesABatchOnce() {
        MongoDatabase db = mongo.factory("b4").getMongoDatabase();
        Buckets b = new Buckets(db, Buckets.Guard.ATOMIC);
        BatchOps ops = BatchOps.merge(List.of(new BatchOps.Member(A1, 0, null, 0), new BatchOps.Member(A2, 0, null, 0)), PLANNER);
        run(b, ops, "T");
        run(b, ops, "T");
        ArticleEnriched a1v2 = article("a1").day("2026-11-20").person("李娜").build();
        BatchOps change = BatchOps.merge(List.of(new BatchOps.Member(a1v2, 0, A1, 0)), PLANNER);
        run(b, change, "T2");
        run(b, change, "T2");
        assertThat(counts(db, "*|all|0").get("n", Number.class).intValue()).isEqualTo(2);
        Document day = counts(db, "*|2026-11|PERSON");
        assertThat(day.get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(1);
        assertThat(day.get("ent", Document.class).get("PERSON|李娜", Number.class).intValue()).isEqualTo(2);
    }

    @Test
    void aDocumentWithMoreThanMaxPathsIsUpdatedInGuardedPartsOnce() {
        MongoDatabase db = mongo.factory("b5").getMongoDatabase();
        Buckets b = new Buckets(db, Buckets.Guard.READ_CHECK);
        List<BatchOps.Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var a = article("m" + i).day("2026-11-20");
            for (int j = 0; j < 10; j++) {
                a.person("人" + i + "_" + j);
            }
            members.add(new BatchOps.Member(a.build(), 0, null, 0));
        }
        BatchOps ops = BatchOps.merge(members, PLANNER);
        assertThat(ops.additions("T").get(Collections.POSTS)).hasSizeGreaterThan(1);
        assertThat(ops.tags("T")).contains("T", "T#1");
        run(b, ops, "T");
        run(b, ops, "T");
        Document day = db.getCollection(Collections.DAYS).find().first();
        assertThat(day.get("counts", Document.class).get("total", Number.class).intValue()).isEqualTo(60);
        Document posts = db.getCollection(Collections.POSTS).find().first();
        assertThat(posts.get("posts", Document.class).get("ent", Document.class)).hasSize(600);
        assertThat(counts(db, "*|2026-11-20|PERSON").get("ent", Document.class)).hasSize(600);
        b.removeTags(ops.touched(), ops.tags("T"));
        assertThat(db.getCollection(Collections.POSTS).find().first().get("tags", Document.class)).isEmpty();
    }

    @Test
    void finishedTagsAreRemovedFromTheDocuments() {
        MongoDatabase db = mongo.factory("b3").getMongoDatabase();
        Buckets b = new Buckets(db, Buckets.Guard.READ_CHECK);
        BatchOps ops = BatchOps.merge(List.of(new BatchOps.Member(A1, 0, null, 0)), PLANNER);
        run(b, ops, "T");
        assertThat(counts(db, "*|2026-11|PERSON").get("tags", Document.class).keySet()).containsExactly("T");
        b.removeTags(ops.touched(), List.of("T", "T:r"));
        assertThat(counts(db, "*|2026-11|PERSON").get("tags", Document.class)).isEmpty();
    }

    @Test
    void theNextUpdateOfADocumentRemovesTheTagsOfFinishedBatches() {
        MongoDatabase db = mongo.factory("b6").getMongoDatabase();
        Buckets b = new Buckets(db, Buckets.Guard.READ_CHECK);
        BatchOps first = BatchOps.merge(List.of(new BatchOps.Member(A1, 0, null, 0)), PLANNER);
        run(b, first, "T1");
        java.util.Map<String, List<String>> stale = new java.util.HashMap<>();
        first.touched().forEach((c, ids) -> ids.forEach(id -> stale.put(c + "\u0000" + id, first.tags("T1"))));
        BatchOps second = BatchOps.merge(List.of(new BatchOps.Member(A2, 0, null, 0)), PLANNER);
        try (CollectionWriters writers = new CollectionWriters(4)) {
            writers.runAll(b.tasks(second.retractions("T2"), (c, nanos) -> { }, stale, false));
            writers.runAll(b.tasks(second.additions("T2"), (c, nanos) -> { }, stale, false));
        }
        assertThat(counts(db, ContributionPlanner.DAYS_DOC).get("tags", Document.class).keySet()).containsExactly("T2");
        assertThat(counts(db, "*|2026-11|PERSON").get("tags", Document.class).keySet()).containsExactly("T2");
        assertThat(counts(db, "*|2026-11|PERSON").get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(2);
        write(b, second.additions("T2"));
        assertThat(counts(db, "*|2026-11|PERSON").get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(2);
    }

    @Test
    void updatesUnderATagCreatedForThisAttemptAreWrittenWithoutReadingFirstWhileAResumeReadsAndSkipsWhatIsApplied() {
        List<String> finds = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.mongodb.event.CommandListener listener = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.add(event.getCommand().getString("find").getValue());
                }
            }
        };
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(mongo.uri("b7"))).addCommandListener(listener).build())) {
            MongoDatabase db = client.getDatabase("b7");
            Buckets b = new Buckets(db, Buckets.Guard.READ_CHECK);
            BatchOps ops = BatchOps.merge(List.of(new BatchOps.Member(A1, 0, null, 0)), PLANNER);
            b.tasks(ops.additions("T"), (c, nanos) -> { }, new java.util.HashMap<>(), true).forEach(Runnable::run);
            assertThat(finds).isEmpty();
            // the same batch finished again (a resume): read first, nothing applied twice
            b.tasks(ops.additions("T"), (c, nanos) -> { }, new java.util.HashMap<>(), false).forEach(Runnable::run);
            assertThat(finds).contains(Collections.COUNTS, Collections.DAYS);
            assertThat(counts(db, "*|2026-11|PERSON").get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(1);
        }
    }
}
