package dev.newsflow.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.newsflow.metrics.TestMongo;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BucketsTest {

    private static TestMongo mongo;

    @BeforeAll
    static void start() {
        mongo = new TestMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static final BucketOp OP = new BucketOp(Collections.DAYS, "2026-11-20", "a1@x",
            List.of("counts.total", "counts.ent.PERSON|王伟"), List.of("posts.all"));

    @Test
    void applyingTheSameOpTwiceCountsOnce() {
        MongoDatabase db = mongo.factory("b1").getMongoDatabase();
        Buckets b = new Buckets(db);
        b.apply(OP, "a1");
        b.apply(OP, "a1");
        Document d = db.getCollection(Collections.DAYS).find().first();
        assertThat(d.get("counts", Document.class).getInteger("total")).isEqualTo(1);
        assertThat(d.get("posts", Document.class).getList("all", String.class)).containsExactly("a1");
        assertThat(d.getList("arts", String.class)).containsExactly("a1@x");
    }

    @Test
    void retractingTwiceOrWithoutApplyChangesNothing() {
        MongoDatabase db = mongo.factory("b2").getMongoDatabase();
        Buckets b = new Buckets(db);
        b.retract(OP, "a1");
        b.apply(OP, "a1");
        b.apply(new BucketOp(Collections.DAYS, "2026-11-20", "a2@y", List.of("counts.total"), List.of("posts.all")), "a2");
        b.retract(OP, "a1");
        b.retract(OP, "a1");
        Document d = db.getCollection(Collections.DAYS).find().first();
        assertThat(d.get("counts", Document.class).getInteger("total")).isEqualTo(1);
        assertThat(d.get("counts", Document.class).get("ent", Document.class).getInteger("PERSON|王伟")).isZero();
        assertThat(d.get("posts", Document.class).getList("all", String.class)).containsExactly("a2");
    }
}
