package dev.newsflow.metrics.store;

import static dev.newsflow.metrics.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.FigureKind;
import dev.newsflow.metrics.TestArticles;
import dev.newsflow.metrics.TestMongo;
import dev.newsflow.metrics.query.QueryFingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

/** The exactly-once effect, proved by injecting each fault and comparing every query answer with a clean run. */
class ArticleStoreTest {

    static final List<String[]> ENTITIES = List.of(new String[] {"PERSON", "王伟"}, new String[] {"ORGANIZATION", "锦州银行"},
            new String[] {"LOCATION", "义县"}, new String[] {"PERSON", "李娜"});
    static final List<String> REGIONS = List.of("210727", "210700", "210000", "210781");

    private static TestMongo mongo;
    private static final AtomicInteger DB = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        mongo = new TestMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private record Env(MongoDatabaseFactory factory, ArticleStore store) {
        String fingerprint() {
            return QueryFingerprint.of(factory, ENTITIES, REGIONS);
        }
    }

    private static Env env() {
        MongoDatabaseFactory f = mongo.factory("t" + DB.incrementAndGet());
        return new Env(f, new ArticleStore(f, new ContributionPlanner(), JSON));
    }

    static ArticleEnriched a1() {
        return article("a1").day("2026-11-20").person("王伟").org("锦州银行").place("义县", "210727")
                .figure("贷款余额", "643000000", "CNY", FigureKind.MONEY).keyword("贷款").build();
    }

    static ArticleEnriched a2() {
        return article("a2").day("2026-11-21").source("辽宁日报").person("王伟").person("李娜")
                .figure("增长", "12.5", "%", FigureKind.PERCENT).build();
    }

    static ArticleEnriched a1v2() {
        return article("a1").day("2026-11-20").model("m2", Instant.parse("2026-11-22T00:00:00Z"))
                .person("李娜").org("锦州银行").place("义县", "210727")
                .figure("存款余额", "100", "CNY", FigureKind.MONEY).build();
    }

    private static Env clean(ArticleEnriched... events) {
        Env e = env();
        for (ArticleEnriched a : events) {
            assertThat(e.store.store(a)).isEqualTo(StoreOutcome.STORED);
        }
        return e;
    }

    @Test
    void countsAnArticleOncePerEntity() {
        Env e = clean(a1(), a2());
        Document day = e.factory.getMongoDatabase().getCollection(Collections.COUNTS).find(new Document("_id", "*|2026-11-20|PERSON")).first();
        assertThat(day.get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(1);
        Document month = e.factory.getMongoDatabase().getCollection(Collections.COUNTS).find(new Document("_id", "*|2026-11|PERSON")).first();
        assertThat(month.get("ent", Document.class).get("PERSON|王伟", Number.class).intValue()).isEqualTo(2);
        assertThat(e.fingerprint()).contains("EntityCount[name=王伟, type=PERSON, count=2]");
    }

    @Test
    void fillsABusyDaysItemDocumentsChunkByChunkAndRetractsFromTheChunkOfTheAppliedVersion() {
        Env e = env();
        int n = 2 * ContributionPlanner.CHUNK_ARTICLES + 10;
        List<ArticleEnriched> batch = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(article("c" + i).day("2026-11-20").body("港口吞吐量第" + i + "号")
                    .figure("吞吐量", String.valueOf(i + 1), "吨", FigureKind.MEASURE).build());
            if (batch.size() == 25 || i == n - 1) {
                e.store.storeAll(batch);
                batch.clear();
            }
        }
        var db = e.factory.getMongoDatabase();
        assertThat(DaySequences.next(db, List.of("2026-11-20"))).containsEntry("2026-11-20", (long) n);
        for (String collection : List.of(Collections.TEXT, Collections.FIGURE_DAYS, Collections.FIGURE_SUBJECT_DAYS)) {
            List<Document> docs = db.getCollection(collection).find().into(new java.util.ArrayList<>());
            // the articles of each chunk (the bigram index spreads a chunk over shards: yyyy-MM-dd|chunk|shard)
            java.util.Map<String, java.util.Set<String>> byChunk = new java.util.TreeMap<>();
            for (Document d : docs) {
                String id = d.getString("_id");
                java.util.Set<String> articles = byChunk.computeIfAbsent(collection.equals(Collections.TEXT)
                        ? id.substring(0, id.lastIndexOf('|')) : id, c -> new java.util.HashSet<>());
                if (collection.equals(Collections.TEXT)) {
                    d.getList("entries", String.class).forEach(entry -> articles.add(ContributionPlanner.entryArticle(entry)));
                } else {
                    d.getList("items", Document.class).forEach(it -> articles.add(it.getString("a")));
                }
            }
            assertThat(byChunk).as(collection).hasSize(3);
            byChunk.forEach((chunk, articles) ->
                    assertThat(articles.size()).as(collection + " " + chunk).isLessThanOrEqualTo(ContributionPlanner.CHUNK_ARTICLES));
        }
        // a new version of the first article: number n (chunk 2); its old items leave chunk 0
        ArticleEnriched changed = article("c0").day("2026-11-20").model("m2", Instant.parse("2026-11-22T00:00:00Z"))
                .body("港口吞吐量更正").figure("吞吐量", "99", "吨", FigureKind.MEASURE).build();
        assertThat(e.store.store(changed)).isEqualTo(StoreOutcome.STORED);
        Document chunk0 = db.getCollection(Collections.FIGURE_DAYS).find(new Document("_id", "2026-11-20|MEASURE|0")).first();
        assertThat(chunk0.getList("items", Document.class)).noneMatch(it -> "c0".equals(it.getString("a")));
        Document chunk2 = db.getCollection(Collections.FIGURE_DAYS).find(new Document("_id", "2026-11-20|MEASURE|2")).first();
        assertThat(chunk2.getList("items", Document.class)).anyMatch(it -> "c0".equals(it.getString("a")));
        // and its bigrams: out of chunk 0's index documents, into chunk 2's
        java.util.Map<String, Long> c0ItemsByChunk = new java.util.TreeMap<>();
        db.getCollection(Collections.TEXT).find().forEach(d -> d.getList("entries", String.class).stream()
                .filter(entry -> "c0".equals(ContributionPlanner.entryArticle(entry)))
                .forEach(entry -> c0ItemsByChunk.merge(d.getString("_id").substring(0, d.getString("_id").lastIndexOf('|')), 1L, Long::sum)));
        assertThat(c0ItemsByChunk).containsOnlyKeys("2026-11-20|2");
        assertThat(new dev.newsflow.metrics.query.QueryProbe(e.factory).articlesMatching("更正")).containsExactly("c0");
        assertThat(new dev.newsflow.metrics.query.QueryProbe(e.factory).articlesMatching("第" + (n - 1) + "号")).containsExactly("c" + (n - 1));
    }

    @Test
    void boundsTheFigureItemsOfTableLikeArticlesSoThatAChunkDocumentStaysFarBelow16MB() {
        Env e = env();
        String longSubject = "全市规模以上工业企业主营业务收入".repeat(20);
        List<ArticleEnriched> batch = new ArrayList<>();
        for (int i = 0; i < ContributionPlanner.CHUNK_ARTICLES; i++) {
            TestArticles a = article("t" + i).day("2026-11-21");
            for (int p = 0; p < ContributionPlanner.MAX_ENTITIES; p++) {
                a.person("锦州市第" + p + "号统计调查对象" + i);
            }
            for (int f = 0; f < 300; f++) {
                a.figure(longSubject + (f % 3), String.valueOf(f + 1), "万元", FigureKind.MONEY);
            }
            batch.add(a.build());
            if (batch.size() == 16) {
                e.store.storeAll(batch);
                batch.clear();
            }
        }
        var db = e.factory.getMongoDatabase();
        Document chunk = db.getCollection(Collections.FIGURE_DAYS).find(new Document("_id", "2026-11-21|MONEY|0")).first();
        List<Document> items = chunk.getList("items", Document.class);
        assertThat(items).hasSize(ContributionPlanner.CHUNK_ARTICLES * ContributionPlanner.MAX_FIGURES);
        assertThat(items).allSatisfy(it -> assertThat(it.getString("subject")).hasSizeLessThanOrEqualTo(ContributionPlanner.MAX_FIGURE_TEXT));
        int bytes = new org.bson.RawBsonDocument(chunk, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
        assertThat(bytes).as("BSON bytes of the fullest chunk document").isLessThan(4 << 20);
        for (Document d : db.getCollection(Collections.FIGURE_SUBJECT_DAYS).find()) {
            assertThat(new org.bson.RawBsonDocument(d, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining()).isLessThan(4 << 20);
        }
        assertThat(db.getCollection(Collections.FIGURES).countDocuments(new Document("article", "t0"))).isEqualTo(ContributionPlanner.MAX_FIGURES);
        // the article itself keeps every figure
        Document t0 = db.getCollection(Collections.ARTICLES).find(new Document("_id", "t0")).first();
        assertThat(t0.getInteger("figureCount")).isEqualTo(300);
    }

    @Test
    void spreadsAChunksBigramIndexOverShardsThatAQueryJoinsAgain() {
        Env e = env();
        e.store.storeAll(List.of(
                article("t1").day("2026-11-20").title("锦州港集装箱吞吐量创新高").body("今年以来锦州港开辟新航线三条").build(),
                article("t2").day("2026-11-20").title("义县苹果丰收").body("集装箱运输的苹果销往南方").build()));
        List<Document> docs = e.factory.getMongoDatabase().getCollection(Collections.TEXT).find().into(new java.util.ArrayList<>());
        assertThat(docs.size()).isGreaterThan(1);
        for (Document d : docs) {
            int shard = Integer.parseInt(d.getString("_id").substring(d.getString("_id").lastIndexOf('|') + 1));
            // one entry per article of the chunk: the id's length, the id, its bigrams of this shard one after the other
            List<String> entries = d.getList("entries", String.class);
            assertThat(entries).extracting(ContributionPlanner::entryArticle).doesNotHaveDuplicates().isSubsetOf("t1", "t2");
            for (String entry : entries) {
                String packed = entry.substring(1 + entry.charAt(0));
                assertThat(packed.length() % 2).isZero();
                for (int i = 0; i < packed.length(); i += 2) {
                    assertThat(ContributionPlanner.textShard(packed.substring(i, i + 2))).isEqualTo(shard);
                    assertThat(ContributionPlanner.entryHolds(entry, packed.substring(i, i + 2))).isTrue();
                }
            }
        }
        var probe = new dev.newsflow.metrics.query.QueryProbe(e.factory);
        java.util.Set<Integer> shards = new java.util.TreeSet<>();
        ContributionPlanner.bigrams("集装箱吞吐量").forEach(b -> shards.add(ContributionPlanner.textShard(b)));
        assertThat(shards).as("the query's bigrams lie in several shards").hasSizeGreaterThan(1);
        assertThat(probe.articlesMatching("集装箱吞吐量")).containsExactly("t1");
        assertThat(probe.articlesMatching("集装箱")).containsExactlyInAnyOrder("t1", "t2");
        assertThat(probe.articlesMatching("苹果吞吐量")).isEmpty();
    }

    @Test
    void storesAnArticleWhoseTextHoldsNulAndControlCharacters() {
        Env e = env();
        ArticleEnriched a = article("n1").day("2026-11-20").title("锦州\u0000港").body("码头\u0001吞吐量 a.b$ 100%").build();
        assertThat(e.store.store(a)).isEqualTo(StoreOutcome.STORED);
        List<String> bigrams = new java.util.ArrayList<>();
        e.factory.getMongoDatabase().getCollection(Collections.TEXT).find().forEach(text -> {
            assertThat(text.getString("_id")).startsWith("2026-11-20|0|");
            text.getList("entries", String.class).forEach(entry -> {
                assertThat(ContributionPlanner.entryArticle(entry)).isEqualTo("n1");
                for (int i = 1 + entry.charAt(0); i < entry.length(); i += 2) {
                    bigrams.add(entry.substring(i, i + 2));
                }
            });
        });
        assertThat(bigrams).contains("州\u0000", "\u0000港", "头\u0001", "a.", "b$", "0%");
        assertThat(Keys.decode(Keys.encode("a.\u0000%$%00"))).isEqualTo("a.\u0000%$%00");
    }

    @Test
    void redeliveredEventIsCountedOnce() {
        Env reference = clean(a1(), a2());
        Env e = env();
        assertThat(e.store.store(a1())).isEqualTo(StoreOutcome.STORED);
        assertThat(e.store.store(a2())).isEqualTo(StoreOutcome.STORED);
        assertThat(e.store.store(a1())).isEqualTo(StoreOutcome.DUPLICATE);
        assertThat(e.store.store(a2())).isEqualTo(StoreOutcome.DUPLICATE);
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void resubmittedArticleReEnrichedLaterIsCountedOnce() {
        Env reference = clean(a1(), a2());
        Env e = clean(a1(), a2());
        ArticleEnriched again = article("a1").day("2026-11-20").person("王伟").org("锦州银行").place("义县", "210727")
                .figure("贷款余额", "643000000", "CNY", FigureKind.MONEY).keyword("贷款")
                .model("m1", Instant.parse("2026-11-25T00:00:00Z")).ingestedAt(Instant.parse("2026-11-25T00:00:00Z")).build();
        assertThat(e.store.store(again)).isEqualTo(StoreOutcome.DUPLICATE);
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void reEnrichmentWithNewerModelReplacesTheOldContribution() {
        Env reference = clean(a1v2(), a2());
        Env e = clean(a1(), a2());
        assertThat(e.store.store(a1v2())).isEqualTo(StoreOutcome.STORED);
        String fp = e.fingerprint();
        assertThat(fp).isEqualTo(reference.fingerprint());
        assertThat(fp).doesNotContain("贷款余额").contains("存款余额");
    }

    @Test
    void olderEnrichmentArrivingLateIsIgnored() {
        Env reference = clean(a1v2(), a2());
        Env e = clean(a1v2(), a2());
        assertThat(e.store.store(a1())).isEqualTo(StoreOutcome.STALE);
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void crashAfterAnyWriteThenRedeliveryNeitherLosesNorDoubleCounts() {
        Env reference = clean(a1(), a2());
        int writes = countWrites(a1());
        assertThat(writes).isGreaterThan(3);
        for (int crashAt = 1; crashAt <= writes; crashAt++) {
            Env e = clean(a2());
            crashAfter(e.store, crashAt);
            assertThatThrownBy(() -> e.store.store(a1())).hasMessageContaining("injected crash");
            e.store.afterWrite(null);
            // after the last write (members marked APPLIED) the store had completed: the redelivery is a duplicate
            assertThat(e.store.store(a1())).as("redelivery after crash at write %d", crashAt)
                    .isEqualTo(crashAt == writes ? StoreOutcome.DUPLICATE : StoreOutcome.STORED);
            assertThat(e.store.store(a1())).isEqualTo(StoreOutcome.DUPLICATE);
            assertThat(e.fingerprint()).as("crash at write %d", crashAt).isEqualTo(reference.fingerprint());
        }
    }

    @Test
    void crashInTheMiddleOfAReEnrichmentThenRedeliveryLeavesOnlyTheNewContribution() {
        Env reference = clean(a1v2(), a2());
        Env probe = clean(a1(), a2());
        int writes = countWrites(probe.store, a1v2());
        for (int crashAt = 1; crashAt <= writes; crashAt++) {
            Env e = clean(a1(), a2());
            crashAfter(e.store, crashAt);
            assertThatThrownBy(() -> e.store.store(a1v2())).hasMessageContaining("injected crash");
            e.store.afterWrite(null);
            e.store.store(a1v2());
            assertThat(e.fingerprint()).as("crash at write %d", crashAt).isEqualTo(reference.fingerprint());
        }
    }

    @Test
    void crashThenAnOlderVersionArrivesFirstStillCompletesThePendingOne() {
        Env reference = clean(a1v2(), a2());
        Env e = clean(a1(), a2());
        crashAfter(e.store, 3);
        assertThatThrownBy(() -> e.store.store(a1v2())).hasMessageContaining("injected crash");
        e.store.afterWrite(null);
        assertThat(e.store.store(a1())).isEqualTo(StoreOutcome.STALE);
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void rebuildGivesIdenticalResults() {
        Env e = clean(a1(), a2());
        e.store.store(a1v2());
        e.store.store(article("a3").day("2026-10-02").person("王伟").place("锦州", "210700").build());
        String before = e.fingerprint();
        Rebuilder rebuilder = new Rebuilder(e.factory, e.store, new Indexes(e.factory));
        assertThat(rebuilder.rebuild()).isEqualTo(3);
        assertThat(e.fingerprint()).isEqualTo(before);
    }

    // ---- batches

    static ArticleEnriched a3() {
        return article("a3").day("2026-11-20").person("王伟").org("辽宁日报社").place("凌海", "210781")
                .figure("贷款余额", "5", "CNY", FigureKind.MONEY).body("凌海市贷款余额增长").build();
    }

    static ArticleEnriched a4() {
        return article("a4").day("2026-10-31").person("李娜").figure("产量", "7", "吨", FigureKind.MEASURE).build();
    }

    @Test
    void aBatchGivesTheSameAnswersAsOneArticleAtATime() {
        Env reference = clean(a1(), a2(), a3(), a4());
        Env e = env();
        assertThat(e.store.storeAll(List.of(a1(), a2(), a3(), a4()))).containsOnly(StoreOutcome.STORED);
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
        assertThat(e.store.storeAll(List.of(a2(), a1()))).containsOnly(StoreOutcome.DUPLICATE);
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void theSameArticleTwiceInOneBatchIsStoredOnce() {
        Env reference = clean(a1(), a2());
        Env e = env();
        assertThat(e.store.storeAll(List.of(a1(), a2(), a1()))).containsExactly(StoreOutcome.DUPLICATE, StoreOutcome.STORED, StoreOutcome.STORED);
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void aChangedVersionAndItsOldVersionInOneBatchKeepOnlyTheNewest() {
        Env reference = clean(a1v2(), a2());
        Env fresh = env();
        assertThat(fresh.store.storeAll(List.of(a1v2(), a2(), a1()))).containsExactly(StoreOutcome.STORED, StoreOutcome.STORED, StoreOutcome.STALE);
        assertThat(fresh.fingerprint()).isEqualTo(reference.fingerprint());
        Env replacing = clean(a1(), a2());
        assertThat(replacing.store.storeAll(List.of(a1(), a1v2()))).containsExactly(StoreOutcome.STALE, StoreOutcome.STORED);
        assertThat(replacing.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void crashAfterAnyWriteOfABatchThenRedeliveryInADifferentCompositionNeitherLosesNorDoubleCounts() {
        Env reference = clean(a1v2(), a2(), a3(), a4());
        Env probe = clean(a1(), a2());
        List<String> steps = new ArrayList<>();
        probe.store.afterWrite(steps::add);
        probe.store.storeAll(List.of(a1v2(), a3(), a4()));
        probe.store.afterWrite(null);
        assertThat(steps).contains("batch", "articles", "retract:" + Collections.POSTS, "retract:figures", "apply:" + Collections.TEXT,
                "figures", "applied", "batch:delete");
        for (int crashAt = 1; crashAt <= steps.size(); crashAt++) {
            Env e = clean(a1(), a2());
            crashAfter(e.store, crashAt);
            assertThatThrownBy(() -> e.store.storeAll(List.of(a1v2(), a3(), a4()))).hasMessageContaining("injected crash");
            e.store.afterWrite(null);
            // redelivered as two different batches, each mixed with a duplicate
            e.store.storeAll(List.of(a4(), a2()));
            e.store.storeAll(List.of(a3(), a1v2(), a2()));
            assertThat(e.store.storeAll(List.of(a1v2(), a3(), a4()))).containsOnly(StoreOutcome.DUPLICATE);
            assertThat(e.fingerprint()).as("crash at write %d (%s)", crashAt, steps.get(crashAt - 1)).isEqualTo(reference.fingerprint());
            assertThat(e.factory.getMongoDatabase().getCollection(Collections.BATCHES).countDocuments()).isZero();
        }
    }

    @Test
    void withTheAtomicGuardACrashAfterAnyWriteThenRedeliveryNeitherLosesNorDoubleCounts() {
        Env reference = clean(a1v2(), a2(), a3(), a4());
        int writes = countWrites(clean(a1(), a2()).store, a1v2(), a3(), a4());
        for (int crashAt = 1; crashAt <= writes; crashAt++) {
            Env e = clean(a1(), a2());
            e.store.guard(Buckets.Guard.ATOMIC);
            crashAfter(e.store, crashAt);
            assertThatThrownBy(() -> e.store.storeAll(List.of(a1v2(), a3(), a4()))).hasMessageContaining("injected crash");
            e.store.afterWrite(null);
            e.store.storeAll(List.of(a3(), a2()));
            e.store.storeAll(List.of(a4(), a1v2()));
            assertThat(e.fingerprint()).as("crash at write %d", crashAt).isEqualTo(reference.fingerprint());
        }
    }

    @Test
    void crashAfterAnyWriteThenStartupResumeFinishesTheBatch() {
        Env reference = clean(a1v2(), a2(), a3(), a4());
        int writes = countWrites(clean(a1(), a2()).store, a1v2(), a3(), a4());
        for (int crashAt = 1; crashAt <= writes; crashAt++) {
            Env e = clean(a1(), a2());
            crashAfter(e.store, crashAt);
            assertThatThrownBy(() -> e.store.storeAll(List.of(a1v2(), a3(), a4()))).hasMessageContaining("injected crash");
            e.store.afterWrite(null);
            new PendingResumer(e.store).resume();
            // the redelivered events of members that were written before the crash are now duplicates
            e.store.storeAll(List.of(a1v2(), a3(), a4()));
            assertThat(e.fingerprint()).as("crash at write %d", crashAt).isEqualTo(reference.fingerprint());
        }
    }

    @Test
    void crashedBatchIsFinishedBeforeANewerVersionOfAMemberIsApplied() {
        ArticleEnriched a1v3 = article("a1").day("2026-11-21").model("m3", Instant.parse("2026-11-23T00:00:00Z"))
                .person("张三").place("义县", "210727").figure("存款余额", "200", "CNY", FigureKind.MONEY).build();
        Env reference = clean(a1v3, a2(), a3());
        int writes = countWrites(clean(a1(), a2()).store, a1v2(), a3());
        for (int crashAt = 1; crashAt <= writes; crashAt++) {
            Env e = clean(a1(), a2());
            crashAfter(e.store, crashAt);
            assertThatThrownBy(() -> e.store.storeAll(List.of(a1v2(), a3()))).hasMessageContaining("injected crash");
            e.store.afterWrite(null);
            e.store.storeAll(List.of(a1v3));
            e.store.storeAll(List.of(a3(), a1v2()));
            assertThat(e.fingerprint()).as("crash at write %d", crashAt).isEqualTo(reference.fingerprint());
        }
    }

    @Test
    void rebuildAfterBatchesGivesIdenticalResults() {
        Env e = env();
        e.store.storeAll(List.of(a1(), a2(), a3()));
        e.store.storeAll(List.of(a1v2(), a4()));
        String before = e.fingerprint();
        assertThat(new Rebuilder(e.factory, e.store, new Indexes(e.factory)).rebuild()).isEqualTo(4);
        assertThat(e.fingerprint()).isEqualTo(before);
    }

    // ---- batches applied together (the consumer's applier)

    @Test
    void batchesAppliedTogetherGiveTheSameAnswersAsOneBatchAtATime() {
        Env reference = clean(a1(), a2(), a3(), a4());
        Env e = env();
        ArticleStore.Prepared first = single(e.store.prepare(List.of(a1(), a2()), () -> { }));
        ArticleStore.Prepared second = single(e.store.prepare(List.of(a3(), a4()), () -> { }));
        // prepared: readable by id, not yet in the aggregates
        assertThat(e.factory.getMongoDatabase().getCollection(Collections.ARTICLES).countDocuments(new Document("state", ArticleStore.PENDING)))
                .isEqualTo(4);
        e.store.apply(List.of(second, first));
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
        assertThat(e.factory.getMongoDatabase().getCollection(Collections.BATCHES).countDocuments()).isZero();
        assertThat(e.factory.getMongoDatabase().getCollection(Collections.ARTICLES).countDocuments(new Document("state", ArticleStore.APPLIED)))
                .isEqualTo(4);
        // a changed version applied together with a new article retracts the old contribution
        Env changed = clean(a1v2(), a2(), a3(), a4(), a5());
        e.store.apply(List.of(single(e.store.prepare(List.of(a1v2()), () -> { })), single(e.store.prepare(List.of(a5()), () -> { }))));
        assertThat(e.fingerprint()).isEqualTo(changed.fingerprint());
    }

    @Test
    void aPreparedBatchThatAResumeFinishedFirstIsNotAppliedAgain() {
        Env reference = clean(a1(), a2());
        Env e = env();
        ArticleStore.Prepared prepared = single(e.store.prepare(List.of(a1(), a2()), () -> { }));
        // the start-up resume runs while the consumer already prepares: it finishes the batch before the applier
        new PendingResumer(e.store).resume();
        e.store.apply(List.of(prepared));
        assertThat(e.fingerprint()).isEqualTo(reference.fingerprint());
    }

    @Test
    void crashAfterAnyWriteOfBatchesAppliedTogetherThenRedeliveryOfOneMemberFinishesAllOfThem() {
        for (Buckets.Guard guard : Buckets.Guard.values()) {
            Env reference = clean(a1v2(), a2(), a3(), a4());
            List<String> steps = new ArrayList<>();
            Env probe = clean(a1(), a2());
            List<ArticleStore.Prepared> probeBatches = prepareTwo(probe);
            probe.store.afterWrite(steps::add);
            probe.store.apply(probeBatches);
            probe.store.afterWrite(null);
            assertThat(steps).startsWith("claim").contains("retract:" + Collections.POSTS, "apply:" + Collections.COUNTS, "applied", "batch:delete");
            for (int crashAt = 1; crashAt <= steps.size(); crashAt++) {
                Env e = clean(a1(), a2());
                e.store.guard(guard);
                List<ArticleStore.Prepared> batches = prepareTwo(e);
                crashAfter(e.store, crashAt);
                assertThatThrownBy(() -> e.store.apply(batches)).hasMessageContaining("injected crash");
                e.store.afterWrite(null);
                // a4 was prepared with a3: redelivering a4 alone finishes both batches, a1v2's included
                assertThat(e.store.storeAll(List.of(a4()))).as("%s, crash at write %d (%s)", guard, crashAt, steps.get(crashAt - 1))
                        .containsExactly(crashAt == steps.size() ? StoreOutcome.DUPLICATE : StoreOutcome.STORED);
                assertThat(e.store.storeAll(List.of(a1v2(), a3()))).containsOnly(StoreOutcome.DUPLICATE);
                assertThat(e.fingerprint()).as("%s, crash at write %d (%s)", guard, crashAt, steps.get(crashAt - 1))
                        .isEqualTo(reference.fingerprint());
                assertThat(e.factory.getMongoDatabase().getCollection(Collections.BATCHES).countDocuments()).isZero();
            }
        }
    }

    @Test
    void crashAfterAnyWriteOfBatchesAppliedTogetherThenStartupResumeFinishesThem() {
        Env reference = clean(a1v2(), a2(), a3(), a4());
        Env probe = clean(a1(), a2());
        List<ArticleStore.Prepared> probeBatches = prepareTwo(probe);
        List<String> steps = new ArrayList<>();
        probe.store.afterWrite(steps::add);
        probe.store.apply(probeBatches);
        probe.store.afterWrite(null);
        for (int crashAt = 0; crashAt <= steps.size(); crashAt++) {
            Env e = clean(a1(), a2());
            List<ArticleStore.Prepared> batches = prepareTwo(e);
            if (crashAt > 0) {
                crashAfter(e.store, crashAt);
                assertThatThrownBy(() -> e.store.apply(batches)).hasMessageContaining("injected crash");
                e.store.afterWrite(null);
            }
            // crashAt 0: the process died after preparing, before any apply
            new PendingResumer(e.store).resume();
            assertThat(e.fingerprint()).as("crash at write %d", crashAt).isEqualTo(reference.fingerprint());
            assertThat(e.store.storeAll(List.of(a1v2(), a3(), a4()))).containsOnly(StoreOutcome.DUPLICATE);
        }
    }

    /** a1v2 (a changed version) in one batch, a3 and a4 in another: prepared, not applied. */
    private static List<ArticleStore.Prepared> prepareTwo(Env e) {
        return List.of(single(e.store.prepare(List.of(a1v2()), () -> { })), single(e.store.prepare(List.of(a3(), a4()), () -> { })));
    }

    private static ArticleStore.Prepared single(ArticleStore.Preparation p) {
        assertThat(p.batches()).hasSize(1);
        return p.batches().get(0);
    }

    static ArticleEnriched a5() {
        return article("a5").day("2026-11-22").person("赵强").place("凌海", "210781").keyword("贷款").build();
    }

    private static int countWrites(ArticleEnriched a) {
        return countWrites(env().store, a);
    }

    private static int countWrites(ArticleStore store, ArticleEnriched... a) {
        List<String> steps = new ArrayList<>();
        store.afterWrite(steps::add);
        store.storeAll(List.of(a));
        store.afterWrite(null);
        return steps.size();
    }

    private static void crashAfter(ArticleStore store, int n) {
        AtomicInteger count = new AtomicInteger();
        store.afterWrite(step -> {
            if (count.incrementAndGet() == n) {
                throw new IllegalStateException("injected crash after write " + n + " (" + step + ")");
            }
        });
    }
}
