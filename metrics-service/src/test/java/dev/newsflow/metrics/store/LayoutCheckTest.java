package dev.newsflow.metrics.store;

import static dev.newsflow.metrics.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.newsflow.metrics.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

class LayoutCheckTest {

    @Test
    void flagsAggregatesOfThePreviousLayoutAndNotTheCurrentOne() {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory f = mongo.factory("layout");
            MongoDatabase db = f.getMongoDatabase();
            assertThat(LayoutCheck.previousLayout(db)).isFalse();
            new ArticleStore(f, new ContributionPlanner(), JsonMapper.builder().build())
                    .store(article("a1").day("2026-11-20").person("王伟").build());
            assertThat(LayoutCheck.previousLayout(db)).isFalse();
            db.getCollection(Collections.COUNTS).insertOne(new Document("_id", "*|2026-11").append("n", 1));
            assertThat(LayoutCheck.previousLayout(db)).isTrue();
        }
    }

    @Test
    void flagsStoredArticlesWithoutTheCurrentLayoutMarkUntilTheRebuild() {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory f = mongo.factory("layout-mark");
            MongoDatabase db = f.getMongoDatabase();
            ArticleStore store = new ArticleStore(f, new ContributionPlanner(), JsonMapper.builder().build());
            store.store(article("a1").day("2026-11-20").person("王伟").build());
            assertThat(LayoutCheck.previousLayout(db)).as("an empty store is marked before its first article").isFalse();

            db.getCollection(Collections.COUNTS).deleteOne(new Document("_id", LayoutCheck.LAYOUT_DOC));
            assertThat(LayoutCheck.previousLayout(db)).as("articles stored by a version without the mark").isTrue();
            db.getCollection(Collections.COUNTS).insertOne(new Document("_id", LayoutCheck.LAYOUT_DOC)
                    .append("v", ContributionPlanner.LAYOUT_VERSION - 1));
            assertThat(LayoutCheck.previousLayout(db)).as("an older layout version").isTrue();

            new Rebuilder(f, store, new Indexes(f)).rebuild();
            assertThat(LayoutCheck.previousLayout(db)).isFalse();
        }
    }
}
