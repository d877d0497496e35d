package dev.newsflow.metrics.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.newsflow.metrics.TestMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bson.Document;

/**
 * Not part of verify. What one guarded aggregate update costs on the embedded MongoDB-wire server, by the size of the
 * document it updates: unordered bulk writes of 300 single-document {@code $inc} updates (two paths each) on 2,000
 * documents of K keys, and {@code _id $in} reads of their tags, 100 ids per read (as the store's guard does).
 * Run: {@code java -cp <metrics-service test classpath> dev.newsflow.metrics.bench.UpdateCostBenchmark}.
 */
public final class UpdateCostBenchmark {

    public static void main(String[] args) {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabase db = mongo.factory("cost").getMongoDatabase();
            for (int keys : new int[] {5, 50, 500, 5000}) {
                MongoCollection<Document> c = db.getCollection("k" + keys);
                int docs = 2000;
                List<Document> initial = new ArrayList<>(docs);
                for (int d = 0; d < docs; d++) {
                    Document counts = new Document();
                    for (int k = 0; k < keys; k++) {
                        counts.append("PERSON|名字" + k, k);
                    }
                    initial.add(new Document("_id", "d" + d).append("ent", counts));
                }
                c.insertMany(initial);
                SplittableRandom random = new SplittableRandom(1);
                double updateMicros = 0;
                double readMicros = 0;
                for (int round = 0; round < 20; round++) {
                    List<WriteModel<Document>> updates = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        updates.add(new UpdateOneModel<>(new Document("_id", "d" + random.nextInt(docs)),
                                new Document("$inc", new Document("ent.PERSON|名字1", 1).append("ent.PERSON|新" + round + "-" + i, 1))));
                    }
                    long t0 = System.nanoTime();
                    c.bulkWrite(updates, new BulkWriteOptions().ordered(false));
                    long t1 = System.nanoTime();
                    for (int r = 0; r < 3; r++) {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            ids.add("d" + random.nextInt(docs));
                        }
                        c.find(Filters.in("_id", ids)).projection(new Document("tags", 1)).into(new ArrayList<>());
                    }
                    long t2 = System.nanoTime();
                    if (round >= 10) {
                        // the last 10 rounds: JIT-compiled
                        updateMicros += (t1 - t0) / 1e3 / 300 / 10;
                        readMicros += (t2 - t1) / 1e3 / 300 / 10;
                    }
                }
                System.out.printf("%5d keys per document: update %7.1f us, guard read %5.1f us per document%n", keys, updateMicros, readMicros);
            }
        }
    }
}
