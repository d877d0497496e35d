package dev.newsflow.metrics.query;

import static dev.newsflow.metrics.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.FigureKind;
import dev.newsflow.metrics.TestMongo;
import dev.newsflow.metrics.store.ArticleStore;
import dev.newsflow.metrics.store.ContributionPlanner;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

/** Queries over windows spanning several months: month pre-filter of entity scans, blocks of days, sharded text index. */
class LongWindowQueriesTest {

    @Test
    void entityTextAndTopQueriesOverSeveralMonthsFindEveryMatchNewestFirst() {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory f = mongo.factory("long");
            store(f, java.util.List.of(
                    article("b1").day("2026-06-15").person("王伟").title("锦州港口").build(),
                    article("b2").day("2026-07-03").person("李娜").build(),
                    article("b3").day("2026-09-20").person("王伟").figure("吞吐量", "100", "吨", FigureKind.MEASURE).build(),
                    article("b4").day("2026-11-02").person("王伟").build(),
                    article("b5").day("2026-11-02").person("李娜").body("锦州港口建设").build(),
                    article("b6").day("2026-09-09").person("李娜").person("王伟").build()));
            AggregateReader reader = new AggregateReader(f);
            ArticleController ac = new ArticleController(reader);
            EntityController ec = new EntityController(reader);
            FigureController fc = new FigureController(reader);

            assertThat(ac.articles("王伟", "PERSON", null, null, null, null, null, null, "0", "10").items())
                    .extracting(ArticleController.ArticleSummary::id).containsExactly("b4", "b3", "b6", "b1");
            assertThat(ac.articles("李娜", null, null, null, null, null, "2026-07-01", null, "0", "10").items())
                    .extracting(ArticleController.ArticleSummary::id).containsExactly("b5", "b6", "b2");
            assertThat(fc.figures(null, null, null, "王伟", "PERSON", null, null, "0", "10").items())
                    .extracting(FigureController.FigureItem::article).containsExactly("b3");
            assertThat(ac.articles(null, null, null, null, null, "锦州港口", null, null, "0", "10").items())
                    .extracting(ArticleController.ArticleSummary::id).containsExactly("b5", "b1");
            // June 10-30: days and blocks; July and August: months; September 1-16: blocks; September 17-20: days
            assertThat(ec.top("PERSON", "2026-06-10", "2026-09-20", null, "10"))
                    .containsExactly(new EntityCount("王伟", "PERSON", 3), new EntityCount("李娜", "PERSON", 2));
            assertThat(ec.top("PERSON", "2026-06-16", "2026-09-19", null, "10"))
                    .containsExactly(new EntityCount("李娜", "PERSON", 2), new EntityCount("王伟", "PERSON", 1));
        }
    }

    @Test
    void relatedEntitiesOverAWindowSumTheDaysItCovers() {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory f = mongo.factory("related");
            store(f, java.util.List.of(
                    article("r1").day("2026-08-31").person("王伟").person("李娜").build(),
                    article("r2").day("2026-09-01").person("王伟").person("李娜").org("锦州港").build(),
                    article("r3").day("2026-09-30").person("王伟").org("锦州港").build(),
                    article("r4").day("2026-10-01").person("王伟").person("李娜").build(),
                    article("r5").day("2026-10-01").person("李娜").org("锦州港").build()));
            EntityController ec = new EntityController(new AggregateReader(f));

            assertThat(ec.related("PERSON", "王伟", null, null, "10"))
                    .containsExactly(new EntityCount("李娜", "PERSON", 3), new EntityCount("锦州港", "ORGANIZATION", 2));
            // all of September, and one day either side of it
            assertThat(ec.related("PERSON", "王伟", "2026-09-01", "2026-09-30", "10"))
                    .containsExactlyInAnyOrder(new EntityCount("李娜", "PERSON", 1), new EntityCount("锦州港", "ORGANIZATION", 2));
            assertThat(ec.related("PERSON", "王伟", "2026-08-31", "2026-10-01", "10"))
                    .containsExactly(new EntityCount("李娜", "PERSON", 3), new EntityCount("锦州港", "ORGANIZATION", 2));
            assertThat(ec.related("ORGANIZATION", "锦州港", "2026-10-01", null, "10"))
                    .containsExactly(new EntityCount("李娜", "PERSON", 1));
        }
    }

    @Test
    void aBusyDaysCoOccurrenceAndRegionCountsAreSummedOverItsChunks() {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory f = mongo.factory("busy");
            // the day already numbered up to 3 articles short of a chunk's end: the next 6 straddle chunks 0 and 1
            long before = ContributionPlanner.COUNT_CHUNK_ARTICLES - 3;
            f.getMongoDatabase().getCollection(dev.newsflow.metrics.store.Collections.COUNTS).insertOne(
                    new org.bson.Document("_id", "seq").append("d", new org.bson.Document("2026-11-20", before)));
            java.util.List<dev.newsflow.events.ArticleEnriched> busy = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                busy.add(article("k" + i).day("2026-11-20").person("王伟").person(i % 2 == 0 ? "李娜" : "张强")
                        .place("义县", "210727").build());
            }
            store(f, busy);
            var cooc = f.getMongoDatabase().getCollection(dev.newsflow.metrics.store.Collections.COOCCURRENCE);
            int shard = ContributionPlanner.shard(dev.newsflow.metrics.store.Keys.entity(dev.newsflow.events.EntityType.PERSON, "王伟"));
            assertThat(cooc.find(new org.bson.Document("_id", ContributionPlanner.chunkShardId("2026-11-20", 0, shard))).first()).isNotNull();
            assertThat(cooc.find(new org.bson.Document("_id", ContributionPlanner.chunkShardId("2026-11-20", 1, shard))).first()).isNotNull();
            AggregateReader reader = new AggregateReader(f);
            EntityController ec = new EntityController(reader);

            assertThat(ec.related("PERSON", "王伟", "2026-11-20", "2026-11-20", "10")).containsExactlyInAnyOrder(
                    new EntityCount("义县", "LOCATION", 6), new EntityCount("李娜", "PERSON", 3), new EntityCount("张强", "PERSON", 3));
            assertThat(ec.related("PERSON", "王伟", null, null, "10")).hasSize(3).first()
                    .isEqualTo(new EntityCount("义县", "LOCATION", 6));
            RegionController rc = new RegionController(reader);
            for (String code : java.util.List.of("210727", "210700", "210000")) {
                RegionController.RegionStats day = rc.region(code, "2026-11-20", "2026-11-20", "10");
                assertThat(day.articles()).as(code).isEqualTo(6);
                assertThat(day.topEntities()).as(code).contains(new EntityCount("王伟", "PERSON", 6), new EntityCount("李娜", "PERSON", 3));
            }
        }
    }

    @Test
    void aChangedArticleTakesBackExactlyItsOwnCoOccurrences() {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory f = mongo.factory("cooc");
            ArticleStore store = new ArticleStore(f, new ContributionPlanner(), JsonMapper.builder().build());
            // c2 and c3 name the same entities: their entries differ only by the article id
            store.storeAll(java.util.List.of(
                    article("c1").day("2026-11-20").person("王伟").person("李娜").org("锦州港").build(),
                    article("c2").day("2026-11-20").person("王伟").person("李娜").build(),
                    article("c3").day("2026-11-21").person("王伟").person("李娜").build(),
                    article("c4").day("2026-11-21").person("王伟").build()));
            EntityController ec = new EntityController(new AggregateReader(f));
            assertThat(ec.related("PERSON", "王伟", null, null, "10"))
                    .containsExactly(new EntityCount("李娜", "PERSON", 3), new EntityCount("锦州港", "ORGANIZATION", 1));

            store.storeAll(java.util.List.of(
                    article("c1").day("2026-11-20").model("m2", java.time.Instant.parse("2026-11-22T00:00:00Z"))
                            .person("王伟").person("张强").build(),
                    article("c3").day("2026-11-21").model("m2", java.time.Instant.parse("2026-11-22T00:00:00Z"))
                            .person("王伟").org("锦州港").build()));
            assertThat(ec.related("PERSON", "王伟", null, null, "10")).containsExactlyInAnyOrder(
                    new EntityCount("李娜", "PERSON", 1), new EntityCount("张强", "PERSON", 1), new EntityCount("锦州港", "ORGANIZATION", 1));
            assertThat(ec.related("PERSON", "李娜", null, null, "10")).containsExactly(new EntityCount("王伟", "PERSON", 1));
            assertThat(ec.related("ORGANIZATION", "锦州港", "2026-11-21", "2026-11-21", "10"))
                    .containsExactly(new EntityCount("王伟", "PERSON", 1));
        }
    }

    private static void store(MongoDatabaseFactory f, java.util.List<dev.newsflow.events.ArticleEnriched> articles) {
        new ArticleStore(f, new ContributionPlanner(), JsonMapper.builder().build()).storeAll(articles);
    }
}
