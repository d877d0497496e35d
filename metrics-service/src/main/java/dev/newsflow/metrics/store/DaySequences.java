package dev.newsflow.metrics.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Numbers the articles of each day in arrival order ({@code agg_counts/seq}: {@code d.yyyy-MM-dd} = the next number).
 * An article's number picks its chunk ({@link ContributionPlanner#chunk}): the documents that collect per-article
 * items of a day (bigram postings, figures) are filled chunk after chunk, so each stays small however busy the day is,
 * and a batch touches the one or two chunks being filled rather than every shard of the day.
 *
 * <p>Numbers are locators, not identities: the store {@link #take}s a batch's numbers in one atomic increment (writers
 * in several instances get distinct ranges), a crash after it leaves numbers unused (a chunk with a few articles
 * fewer), and a rebuild re-raises the sequences to the stored numbers ({@link #advance}). What must hold is that a
 * reader sees every chunk written, hence the numbers are taken before anything is written with them.
 */
public final class DaySequences {

    static final String DOC = "seq";
    private static final int MAX_PROJECTED_DAYS = 32;

    private DaySequences() {
    }

    /** The next number of each day (0 for a day without articles). */
    public static Map<String, Long> next(MongoDatabase db, Collection<String> days) {
        Map<String, Long> out = new HashMap<>();
        if (days.isEmpty()) {
            return out;
        }
        // a long window reads the whole map (one short field per day stored): a projection of hundreds of paths cost
        // more than the bytes it saves (related over a year of days, 20,000 articles: p50 / p95 8.6 / 21.3 -> 5.2 / 15.0 ms)
        Document projection = new Document();
        if (days.size() > MAX_PROJECTED_DAYS) {
            projection.append("d", 1);
        } else {
            days.forEach(d -> projection.append("d." + d, 1));
        }
        Document doc = db.getCollection(Collections.COUNTS).find(Filters.eq("_id", DOC)).projection(projection).first();
        Document d = doc == null ? null : doc.get("d", Document.class);
        for (String day : days) {
            out.put(day, d != null && d.get(day) instanceof Number n ? n.longValue() : 0L);
        }
        return out;
    }

    /**
     * Takes {@code count} numbers of each day in one atomic update (no other writer, in this process or another, is
     * handed the same ones) and returns the first of each day's range. The numbers are taken before anything is
     * written under them, as {@link #advance} would.
     */
    static Map<String, Long> take(MongoDatabase db, Map<String, Integer> count) {
        Map<String, Long> first = new HashMap<>();
        if (count.isEmpty()) {
            return first;
        }
        Document inc = new Document();
        Document projection = new Document();
        count.forEach((day, n) -> {
            inc.append("d." + day, (long) n);
            projection.append("d." + day, 1);
        });
        Document after = db.getCollection(Collections.COUNTS).findOneAndUpdate(Filters.eq("_id", DOC), new Document("$inc", inc),
                new FindOneAndUpdateOptions().upsert(true).projection(projection).returnDocument(ReturnDocument.AFTER));
        Document d = after == null ? null : after.get("d", Document.class);
        count.forEach((day, n) -> {
            if (d == null || !(d.get(day) instanceof Number next)) {
                throw new IllegalStateException("the day sequence of " + day + " was not returned by its update");
            }
            first.put(day, next.longValue() - n);
        });
        return first;
    }

    /** Raises each day's next number to at least the given value (idempotent). */
    static void advance(MongoDatabase db, Map<String, Long> atLeast) {
        if (atLeast.isEmpty()) {
            return;
        }
        Document max = new Document();
        atLeast.forEach((day, n) -> max.append("d." + day, n));
        db.getCollection(Collections.COUNTS).updateOne(Filters.eq("_id", DOC), new Document("$max", max), new UpdateOptions().upsert(true));
    }

    /** The chunks of each day that may hold item documents: {@code ceil(next / chunk size)}. */
    public static Map<String, Integer> chunks(MongoDatabase db, Collection<String> days) {
        return chunks(db, days, ContributionPlanner.CHUNK_ARTICLES);
    }

    /** The chunks of {@code chunkArticles} articles each day may have filled: {@code ceil(next / chunkArticles)}. */
    public static Map<String, Integer> chunks(MongoDatabase db, Collection<String> days, int chunkArticles) {
        Map<String, Integer> out = new HashMap<>();
        next(db, days).forEach((day, n) -> out.put(day, (int) ((n + chunkArticles - 1) / chunkArticles)));
        return out;
    }
}
