package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleEnriched.Entity;
import dev.newsflow.events.ArticleEnriched.Figure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Turns an enriched article into its contribution to every aggregate. Pure and deterministic: the same article
 * always yields the same documents and paths, which is what makes a batch's merged update reproducible after a
 * crash, a retraction exact and the rebuild identical.
 */
@Component
public class ContributionPlanner {

    /**
     * Shards of the day co-occurrence documents (an article touches at most one per entity). A query reads only the
     * shard of the entity (or, below, the region) it asks about, so many shards cost no reads and keep a busy day's
     * documents small. There are no month documents (layout 5): a batch of a few dozen articles touched most of the
     * month's 512 shards, so every batch rewrote most of the month's pairs; a window's answer sums its days.
     */
    public static final int COOC_SHARDS = 256;
    /**
     * Articles per chunk of a day's sharded count documents, co-occurrence and region days ({@code yyyy-MM-dd|chunk|shard},
     * chunk = the article's number within its day / this). Without chunks a batch touched most of the day's shards,
     * each holding the counts of the whole day so far, so every batch rewrote all of the day's pairs and a batch cost
     * more the busier the day (layout 6). A query sums the chunks of each day of its window (one at up to 1,024
     * articles a day). Measured in-process, 15,000 articles of one day in batches of 50: co-occurrence write time
     * 9.8 → 2.4 s, region days 9.5 → 2.9 s, 248 → 326 articles/s (metrics-service/BENCHMARK.md).
     */
    public static final int COUNT_CHUNK_ARTICLES = 1024;
    /** Shards of the all-time entity counts of scope {@code *}, and of a province. */
    public static final int ALL_SHARDS = 64;
    public static final int PROVINCE_SHARDS = 8;
    public static final int REGION_SHARDS = 128;
    /**
     * Articles per chunk of the documents that collect per-article items of a day (bigram postings, figures of a kind,
     * figures of a subject): chunk = the article's number within its day / this ({@link DaySequences}). Every update
     * rewrites the whole document (mongo-java-server clones and re-encodes it; MongoDB rewrites it too), so these must
     * not grow with the day: measured at ~3,500 articles a day with documents sharded by article hash, a batch of 2
     * articles spent 1.6-9.7 s updating figure documents.
     */
    public static final int CHUNK_ARTICLES = 64;
    /**
     * Documents per chunk of the bigram index, by bigram hash ({@link #textShard}): a query reads only the documents of
     * its bigrams' shards. An article's bigrams of one shard are ONE string entry of that document
     * ({@link #entryHolds}), so a batch's update of a document has one path however many bigrams it adds.
     * Measured with real news text (MSRA test sentences), batches of 25, writes one after the other: the index's write
     * time for 3,000 articles 123.8 s in one document per chunk with a posting list per bigram, 33.2 s in 16 such
     * documents, 16.4 s in 64, 0.9 s with entries in place of posting lists (layout 5; metrics-service/BENCHMARK.md).
     */
    public static final int TEXT_SHARDS = 64;
    /** The aggregate layout these constants define; stored in {@code agg_counts/layout} (see {@link LayoutCheck}). */
    public static final int LAYOUT_VERSION = 6;
    /** Days per block: a month's days 1-8, 9-16, 17-24 and 25-end form blocks 0-3. */
    public static final int BLOCK_DAYS = 8;
    public static final String ALL_SCOPE = "*";
    public static final String DAYS_DOC = "days";
    static final int MAX_ENTITIES = 40;
    static final int MAX_KEYWORDS = 15;
    /** Longest entity key in the co-occurrence entries (a key's length is one char of its entry). */
    static final int MAX_COOC_KEY = 1_000;
    /**
     * Figures of one article that enter the figure aggregates (the article's document keeps all of them). A chunk
     * document collects the figure items of 64 articles and a MongoDB document cannot pass 16 MB: without a bound, a few
     * table-like articles with hundreds of figures in one chunk would make every retry of their batch fail and hold the
     * partition up for good. 64 articles of 300 figures with 40 entities each: 10.9 MB at 64 figures while items
     * listed the article's entities, 1.7 MB at 48 figures without that list (layout 6; ArticleStoreTest).
     */
    static final int MAX_FIGURES = 48;
    /** Characters of a figure's texts (subject, unit, text, qualifier, change basis) kept in the figure aggregates. */
    static final int MAX_FIGURE_TEXT = 100;

    /** The contribution of article {@code a}, number {@code seq} of its day (see {@link DaySequences}). */
    Plan plan(ArticleEnriched a, long seq) {
        String id = a.id();
        int chunk = chunk(seq);
        LocalDate day = Days.of(a);
        String d = day.toString();
        String month = d.substring(0, 7);

        Set<String> entityKeys = new LinkedHashSet<>();
        for (Entity e : a.entities()) {
            if (e.type() != null && e.text() != null && !e.text().isBlank() && entityKeys.size() < MAX_ENTITIES) {
                entityKeys.add(Keys.entity(e.type(), e.text().strip()));
            }
        }
        Set<String> regionCodes = new TreeSet<>();
        for (Entity e : a.entities()) {
            regionCodes.addAll(Regions.rollUp(e.regionCode()));
        }
        for (ArticleEnriched.Region r : a.regions()) {
            regionCodes.addAll(Regions.rollUp(r.code()));
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (ArticleEnriched.Keyword k : a.keywords()) {
            if (k.text() != null && !k.text().isBlank() && keywords.size() < MAX_KEYWORDS) {
                keywords.add(Keys.encode(k.text().strip()));
            }
        }

        List<BucketOp> ops = new ArrayList<>();

        List<String> dayIncs = new ArrayList<>();
        List<String> dayPushes = new ArrayList<>();
        dayIncs.add("counts.total");
        dayPushes.add("posts.all");
        for (String k : entityKeys) {
            dayPushes.add("posts.ent." + k);
        }
        if (present(a.source())) {
            String s = Keys.encode(a.source().strip());
            dayIncs.add("counts.src." + s);
            dayPushes.add("posts.src." + s);
        }
        if (present(a.section())) {
            String s = Keys.encode(a.section().strip());
            dayIncs.add("counts.sec." + s);
            dayPushes.add("posts.sec." + s);
        }
        Map<Integer, List<String>> regionDay = new TreeMap<>();
        for (String code : regionCodes) {
            dayPushes.add("posts.reg." + code);
            List<String> incs = regionDay.computeIfAbsent(regionShard(code), s -> new ArrayList<>());
            incs.add("reg." + code);
            for (String k : entityKeys) {
                incs.add("regent." + code + "." + k);
            }
        }
        int countChunk = countChunk(seq);
        regionDay.forEach((s, incs) -> ops.add(new BucketOp(Collections.REGION_DAYS, chunkShardId(d, countChunk, s), incs, List.of())));
        for (String k : keywords) {
            dayIncs.add("counts.kw." + k);
        }
        ops.add(new BucketOp(Collections.DAYS, d, dayIncs, List.of()));
        ops.add(new BucketOp(Collections.POSTS, d + "|" + chunk, List.of(), dayPushes));
        ops.add(new BucketOp(Collections.COUNTS, DAYS_DOC, List.of("d." + d), List.of()));

        // entity counts of scope * per type and period (month, block of days, day): a window reads few, small documents
        Map<String, List<String>> byType = new TreeMap<>();
        for (String k : entityKeys) {
            byType.computeIfAbsent(k.substring(0, k.indexOf('|')), t -> new ArrayList<>()).add("ent." + k);
        }
        for (String period : List.of(month, block(day), d)) {
            byType.forEach((type, incs) -> ops.add(new BucketOp(Collections.COUNTS, periodId(period, type), incs, List.of())));
        }
        sharded(ops, ALL_SCOPE + "|all|", ALL_SHARDS, entityKeys);
        // a province's all-time entity counts in shards; a city's or county's per month (its all-time answer sums the
        // months: a hot county's all-time document would be rewritten whole by every article naming it)
        for (String code : regionCodes) {
            if (Regions.level(code) == dev.newsflow.events.RegionLevel.PROVINCE) {
                sharded(ops, code + "|all|", PROVINCE_SHARDS, entityKeys);
            } else {
                ops.add(new BucketOp(Collections.COUNTS, code + "|" + month, entityIncs(entityKeys), List.of()));
            }
        }

        Map<Integer, List<String>> coocDay = new TreeMap<>();
        if (id.length() <= MAX_TEXT_ID) {
            for (String k : entityKeys) {
                String entry = coocEntry(id, k, entityKeys);
                if (entry != null) {
                    coocDay.computeIfAbsent(shard(k), s -> new ArrayList<>()).add(entry);
                }
            }
        }
        coocDay.forEach((s, entries) -> ops.add(BucketOp.entries(Collections.COOCCURRENCE, chunkShardId(d, countChunk, s), entries)));

        if (id.length() <= MAX_TEXT_ID) {
            Map<Integer, StringBuilder> textByShard = new TreeMap<>();
            for (String bigram : bigrams(a.title(), a.body())) {
                textByShard.computeIfAbsent(textShard(bigram), s -> new StringBuilder().append((char) id.length()).append(id))
                        .append(bigram);
            }
            textByShard.forEach((s, entry) -> ops.add(BucketOp.entries(Collections.TEXT, chunkShardId(d, chunk, s), List.of(entry.toString()))));
        }

        List<Document> figures = new ArrayList<>();
        List<String> entityList = List.copyOf(entityKeys);
        for (int i = 0; i < a.figures().size() && figures.size() < MAX_FIGURES; i++) {
            Figure f = a.figures().get(i);
            if (f.value() == null) {
                continue;
            }
            Document doc = new Document("_id", id + "|" + i)
                    .append("article", id)
                    .append("day", d)
                    .append("subject", clip(f.subject()))
                    .append("value", f.value().doubleValue())
                    .append("valueText", f.value().toPlainString())
                    .append("unit", clip(f.unit()))
                    .append("kind", f.kind() == null ? null : f.kind().name())
                    .append("approximate", f.approximate())
                    .append("qualifier", clip(f.qualifier()))
                    .append("text", clip(f.text()))
                    .append("entities", entityList);
            if (f.change() != null) {
                doc.append("change", new Document("direction", f.change().direction())
                        .append("percent", f.change().percent() == null ? null : f.change().percent().toPlainString())
                        .append("points", f.change().points() == null ? null : f.change().points().toPlainString())
                        .append("basis", clip(f.change().basis())));
            }
            figures.add(doc);
        }
        Map<String, List<Document>> bySubject = new LinkedHashMap<>();
        List<Document> dayItems = new ArrayList<>();
        for (Document f : figures) {
            Document item = new Document(f);
            item.remove("article");
            item.remove("entities");
            item.append("a", id);
            String subject = f.getString("subject");
            if (subject != null && !subject.isBlank() && subject.length() <= 100) {
                bySubject.computeIfAbsent(subject.strip(), k -> new ArrayList<>()).add(item);
            }
            dayItems.add(item);
        }
        String dayOfMonth = "d." + d.substring(8);
        bySubject.forEach((subject, items) -> {
            ops.add(new BucketOp(Collections.FIGURE_SUBJECTS, subject + "|" + month, List.of(dayOfMonth), List.of()));
            ops.add(BucketOp.items(Collections.FIGURE_SUBJECT_DAYS, subjectDayId(subject, d, chunk), items));
        });
        Map<String, List<Document>> byKind = new TreeMap<>();
        for (Document item : dayItems) {
            String kind = item.getString("kind");
            byKind.computeIfAbsent(kind == null ? "-" : kind, k -> new ArrayList<>()).add(item);
        }
        byKind.forEach((kind, items) ->
                ops.add(BucketOp.items(Collections.FIGURE_DAYS, d + "|" + kind + "|" + chunk, items)));
        return new Plan(ops, figures);
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_FIGURE_TEXT ? s : s.substring(0, MAX_FIGURE_TEXT);
    }

    /** The shard of the day co-occurrence documents holding this entity's row. */
    public static int shard(String entityKey) {
        return Math.floorMod(entityKey.hashCode(), COOC_SHARDS);
    }

    /**
     * The co-occurrence entry of one entity of an article: {@code (char) id length, id, (char) key length, key}, then the
     * article's other entity keys, each after its length as one char; null when the article names no other entity.
     * One string per article and entity, pushed to the entity's shard document: a batch's update of a document is one
     * path where a count per pair was ~2,400 paths per batch of 44 articles (mongo-java-server checks an update's paths
     * pairwise), and a retraction pulls the exact strings of the applied version (layout 6).
     */
    static String coocEntry(String articleId, String entityKey, Collection<String> entityKeys) {
        if (entityKey.length() > MAX_COOC_KEY) {
            return null;
        }
        StringBuilder entry = new StringBuilder().append((char) articleId.length()).append(articleId)
                .append((char) entityKey.length()).append(entityKey);
        int start = entry.length();
        for (String other : entityKeys) {
            if (!other.equals(entityKey) && other.length() <= MAX_COOC_KEY) {
                entry.append((char) other.length()).append(other);
            }
        }
        return entry.length() == start ? null : entry.toString();
    }

    /** Calls {@code other} with each entity an entry names beside {@code entityKey} (nothing when it is another entity's). */
    public static void coocOthers(String entry, String entityKey, java.util.function.Consumer<String> other) {
        int i = 1 + entry.charAt(0);
        int keyLength = entry.charAt(i);
        if (keyLength != entityKey.length() || !entry.startsWith(entityKey, i + 1)) {
            return;
        }
        for (i += 1 + keyLength; i < entry.length(); i += 1 + entry.charAt(i)) {
            other.accept(entry.substring(i + 1, i + 1 + entry.charAt(i)));
        }
    }

    /** The chunk of a day's sharded count documents that takes the day's article number {@code seq}. */
    public static int countChunk(long seq) {
        return (int) (Math.max(0, seq) / COUNT_CHUNK_ARTICLES);
    }

    /**
     * The id of a day's document of one chunk and shard, {@code yyyy-MM-dd|chunk|shard}: the bigram index (chunks of
     * {@link #CHUNK_ARTICLES}), co-occurrence and region days (chunks of {@link #COUNT_CHUNK_ARTICLES}).
     */
    public static String chunkShardId(String day, int chunk, int shard) {
        return day + "|" + chunk + "|" + shard;
    }

    /** The shard of a chunk's bigram index holding this (raw, lower-cased) bigram. */
    public static int textShard(String bigram) {
        return Math.floorMod(bigram.hashCode(), TEXT_SHARDS);
    }

    /**
     * Longest article id the bigram index takes: an entry starts with the id's length as one char. The schema's ids have
     * 24 characters; an article with a longer id (a feed producing straight to the topic) is stored but a text query
     * does not find it.
     */
    static final int MAX_TEXT_ID = 1_000;

    /** The article an entry of the bigram index names: {@code (char) id length, id, bigrams}. */
    public static String entryArticle(String entry) {
        return entry.substring(1, 1 + entry.charAt(0));
    }

    /** Whether an entry of the bigram index holds {@code bigram} (its bigrams are two chars each, one after the other). */
    public static boolean entryHolds(String entry, String bigram) {
        for (int i = 1 + entry.charAt(0); i + 2 <= entry.length(); i += 2) {
            if (entry.charAt(i) == bigram.charAt(0) && entry.charAt(i + 1) == bigram.charAt(1)) {
                return true;
            }
        }
        return false;
    }


    /** The document of one chunk of a subject's figures of one day: {@code subject|yyyy-MM-dd|chunk}. */
    public static String subjectDayId(String subject, String day, int chunk) {
        return subject + "|" + day + "|" + chunk;
    }

    /** The chunk of the day's item documents holding article number {@code seq} of that day. */
    public static int chunk(long seq) {
        return (int) (Math.max(0, seq) / CHUNK_ARTICLES);
    }

    /** The block of days holding {@code day}: {@code yyyy-MM-Bb}, b = 0..3. */
    public static String block(LocalDate day) {
        return day.toString().substring(0, 7) + "-B" + Math.min(3, (day.getDayOfMonth() - 1) / BLOCK_DAYS);
    }

    /** The entity counts of one type within a period (a month, a block of days or a day), scope {@code *}. */
    public static String periodId(String period, String type) {
        return ALL_SCOPE + "|" + period + "|" + type;
    }

    /** Entity counts sharded by entity ({@code n} = articles, in shard 0): {@code prefix + shard}. */
    private static void sharded(List<BucketOp> ops, String prefix, int shards, Set<String> entityKeys) {
        Map<Integer, List<String>> byShard = new TreeMap<>();
        byShard.put(0, new ArrayList<>(List.of("n")));
        for (String k : entityKeys) {
            byShard.computeIfAbsent(allShard(k, shards), s -> new ArrayList<>()).add("ent." + k);
        }
        byShard.forEach((s, incs) -> ops.add(new BucketOp(Collections.COUNTS, prefix + s, incs, List.of())));
    }

    /** The shard of the per-day region counts holding this region code. */
    public static int regionShard(String code) {
        return Math.floorMod(code.hashCode(), REGION_SHARDS);
    }

    /** The shard of the all-time entity counts of scope {@code *} holding this entity (shard 0 also holds {@code n}). */
    public static int allShard(String entityKey, int shards) {
        return Math.floorMod(entityKey.hashCode() * 31 + 7, shards);
    }

    /** The all-time entity counts of scope {@code *} or of a province, shard by shard. */
    public static List<String> allIds(String scope) {
        int shards = scope.equals(ALL_SCOPE) ? ALL_SHARDS : PROVINCE_SHARDS;
        List<String> ids = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            ids.add(scope + "|all|" + s);
        }
        return ids;
    }

    private static List<String> entityIncs(Set<String> entityKeys) {
        List<String> incs = new ArrayList<>(entityKeys.size() + 1);
        incs.add("n");
        entityKeys.forEach(k -> incs.add("ent." + k));
        return incs;
    }

    /** The distinct character bigrams of the lower-cased texts (each separately), sorted. */
    public static Set<String> bigrams(String... texts) {
        Set<String> out = new TreeSet<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            String s = t.toLowerCase(Locale.ROOT);
            for (int i = 0; i + 2 <= s.length(); i++) {
                out.add(s.substring(i, i + 2));
            }
        }
        return out;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
