package dev.newsflow.metrics.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.newsflow.events.EntityType;
import dev.newsflow.metrics.store.Collections;
import dev.newsflow.metrics.store.ContributionPlanner;
import dev.newsflow.metrics.store.DaySequences;
import dev.newsflow.metrics.store.Keys;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the pre-aggregated documents by {@code _id}. A window [from, to] is answered from the all-time documents when
 * unbounded, else from the month documents it fully covers plus the day documents at its edges, projecting only the
 * fields asked for.
 */
@Component
class AggregateReader {

    /** Documents per read of many: mongo-java-server checks every document it finds against the whole {@code $in} list. */
    static final int FETCH_CHUNK = 200;

    private final MongoDatabaseFactory factory;

    AggregateReader(MongoDatabaseFactory factory) {
        this.factory = factory;
    }

    MongoDatabase db() {
        return factory.getMongoDatabase();
    }

    /** Days that have data within [from, to] (either bound may be null), ascending. */
    List<String> days(LocalDate from, LocalDate to) {
        return new ArrayList<>(articlesPerDay(from, to).keySet());
    }

    /** Articles per day within [from, to] (either bound may be null), days without articles omitted, ascending. */
    TreeMap<String, Long> articlesPerDay(LocalDate from, LocalDate to) {
        Document doc = db().getCollection(Collections.COUNTS).find(Filters.eq("_id", ContributionPlanner.DAYS_DOC)).first();
        TreeMap<String, Long> out = new TreeMap<>();
        if (doc != null && doc.get("d") instanceof Document d) {
            String f = from == null ? null : from.toString();
            String t = to == null ? null : to.toString();
            d.forEach((day, v) -> {
                if (v instanceof Number n && n.longValue() > 0 && (f == null || day.compareTo(f) >= 0) && (t == null || day.compareTo(t) <= 0)) {
                    out.put(day, n.longValue());
                }
            });
        }
        return out;
    }

    /** The last day with data, or null when nothing is stored. */
    LocalDate lastDay() {
        TreeMap<String, Long> all = articlesPerDay(null, null);
        return all.isEmpty() ? null : LocalDate.parse(all.lastKey());
    }

    /** Articles and articles per entity key within a scope ({@code *} or a region code) and window. */
    record Counts(long articles, Map<String, Long> entities) {
    }

    Counts counts(String scope, LocalDate from, LocalDate to, boolean withEntities) {
        return counts(scope, from, to, withEntities, null);
    }

    /**
     * Sums the counts of a scope over the window: when the window is unbounded, the all-time shards of scope {@code *}
     * or of a province, or a city's or county's month documents; for scope
     * {@code *} the per-type documents of the fully covered months and blocks of days plus the remaining days (only
     * those of {@code type} when given: other types may then be missing from the answer); for a region its day shards.
     */
    Counts counts(String scope, LocalDate from, LocalDate to, boolean withEntities, EntityType type) {
        String[] paths = withEntities ? new String[] {"n", "ent"} : new String[] {"n"};
        List<Document> docs;
        long articles = 0;
        if (from == null && to == null && (scope.equals(ContributionPlanner.ALL_SCOPE)
                || dev.newsflow.metrics.store.Regions.level(scope) == dev.newsflow.events.RegionLevel.PROVINCE)) {
            docs = fetch(Collections.COUNTS, ContributionPlanner.allIds(scope), paths);
        } else if (from == null && to == null) {
            Set<String> months = new java.util.TreeSet<>();
            days(null, null).forEach(d -> months.add(d.substring(0, 7)));
            docs = months.isEmpty() ? List.of() : fetch(Collections.COUNTS, months.stream().map(m -> scope + "|" + m).toList(), paths);
        } else if (scope.equals(ContributionPlanner.ALL_SCOPE)) {
            TreeMap<String, Long> perDay = articlesPerDay(from, to);
            for (long n : perDay.values()) {
                articles += n;
            }
            docs = new ArrayList<>();
            if (withEntities && !perDay.isEmpty()) {
                List<String> ids = new ArrayList<>();
                for (String period : periods(perDay.keySet(), from, to)) {
                    for (EntityType t : type == null ? EntityType.values() : new EntityType[] {type}) {
                        ids.add(ContributionPlanner.periodId(period, t.name()));
                    }
                }
                docs = fetch(Collections.COUNTS, ids, "ent");
            }
        } else {
            int shard = ContributionPlanner.regionShard(scope);
            List<String> days = countIds(days(from, to), shard);
            docs = new ArrayList<>();
            String reg = "reg." + scope;
            String regent = "regent." + scope;
            if (!days.isEmpty()) {
                for (Document d : fetch(Collections.REGION_DAYS, days, withEntities ? new String[] {reg, regent} : new String[] {reg})) {
                    docs.add(new Document("n", navigate(d, reg)).append("ent", navigate(d, regent)));
                }
            }
        }
        Map<String, Long> sums = new HashMap<>();
        for (Document d : docs) {
            if (d.get("n") instanceof Number num) {
                articles += num.longValue();
            }
            if (withEntities && d.get("ent") instanceof Document m) {
                for (Map.Entry<String, Object> e : m.entrySet()) {
                    if (e.getValue() instanceof Number v && v.longValue() != 0) {
                        sums.merge(e.getKey(), v.longValue(), Long::sum);
                    }
                }
            }
        }
        sums.values().removeIf(v -> v <= 0);
        return new Counts(articles, sums);
    }

    /**
     * The periods whose documents sum to the window: each month it fully covers, else each block of days it fully
     * covers, else each day (only periods with data, given as the days with data within the window).
     */
    static List<String> periods(Collection<String> days, LocalDate from, LocalDate to) {
        Map<String, List<String>> byMonth = new TreeMap<>();
        for (String d : days) {
            byMonth.computeIfAbsent(d.substring(0, 7), k -> new ArrayList<>()).add(d);
        }
        List<String> out = new ArrayList<>();
        byMonth.forEach((m, ds) -> {
            YearMonth ym = YearMonth.parse(m);
            if (covers(from, to, ym.atDay(1), ym.atEndOfMonth())) {
                out.add(m);
                return;
            }
            Map<String, List<String>> byBlock = new TreeMap<>();
            for (String d : ds) {
                byBlock.computeIfAbsent(ContributionPlanner.block(LocalDate.parse(d)), k -> new ArrayList<>()).add(d);
            }
            byBlock.forEach((block, bds) -> {
                int b = block.charAt(block.length() - 1) - '0';
                LocalDate first = ym.atDay(b * ContributionPlanner.BLOCK_DAYS + 1);
                LocalDate last = b == 3 ? ym.atEndOfMonth() : first.plusDays(ContributionPlanner.BLOCK_DAYS - 1L);
                if (covers(from, to, first, last)) {
                    out.add(block);
                } else {
                    out.addAll(bds);
                }
            });
        });
        return out;
    }

    private static boolean covers(LocalDate from, LocalDate to, LocalDate first, LocalDate last) {
        return (from == null || !from.isAfter(first)) && (to == null || !to.isBefore(last));
    }

    /** Entities co-occurring with one entity over the window: other entity key → articles naming both. */
    Map<String, Long> cooccurring(String entityKey, LocalDate from, LocalDate to) {
        List<String> ids = countIds(days(from, to), ContributionPlanner.shard(entityKey));
        Map<String, Long> sums = new HashMap<>();
        EntryReader.Visitor count = new EntryReader.Visitor() {
            @Override
            public void document(String id) {
            }

            @Override
            public void entry(String entry) {
                ContributionPlanner.coocOthers(entry, entityKey, other -> sums.merge(other, 1L, Long::sum));
            }
        };
        EntryReader.read(db(), Collections.COOCCURRENCE, ids, count);
        return sums;
    }

    /** Articles per day naming the entity (its type's day documents): day → count, zeros omitted. */
    TreeMap<String, Long> perDay(String entityKey, LocalDate from, LocalDate to) {
        TreeMap<String, Long> out = new TreeMap<>();
        List<String> days = days(from, to);
        if (days.isEmpty()) {
            return out;
        }
        String type = entityKey.substring(0, entityKey.indexOf('|'));
        String path = "ent." + entityKey;
        for (Document d : fetch(Collections.COUNTS, days.stream().map(day -> ContributionPlanner.periodId(day, type)).toList(), path)) {
            if (navigate(d, path) instanceof Number n && n.longValue() > 0) {
                String id = d.getString("_id");
                out.put(id.substring(2, 12), n.longValue());
            }
        }
        return out;
    }

    /**
     * Candidate articles for a text query from the bigram index, for the given days: day → ids of the articles whose
     * title or body contains every bigram (a superset of the real matches; callers verify). Days without a candidate
     * are absent.
     */
    Map<String, Set<String>> textCandidates(List<String> days, Set<String> bigrams) {
        // the bigrams by shard of the chunk's index: one read per shard, and only for the chunks still holding a
        // candidate after the shards read before (a selective query reads little more than one document per chunk)
        Map<Integer, List<String>> byShard = new TreeMap<>();
        for (String bigram : bigrams) {
            byShard.computeIfAbsent(ContributionPlanner.textShard(bigram), s -> new ArrayList<>()).add(bigram);
        }
        // chunk (yyyy-MM-dd|chunk) -> the articles containing every bigram read so far
        Map<String, Set<String>> alive = null;
        for (Map.Entry<Integer, List<String>> shard : byShard.entrySet()) {
            List<String> chunks = alive == null ? dayChunkIds(days) : new ArrayList<>(alive.keySet());
            if (chunks.isEmpty()) {
                break;
            }
            Map<String, Set<String>> before = alive;
            List<String> wanted = shard.getValue();
            Map<String, Set<String>> next = new HashMap<>();
            List<String> ids = chunks.stream().map(c -> c + "|" + shard.getKey()).toList();
            EntryReader.read(db(), Collections.TEXT, ids, new EntryReader.Visitor() {
                private String chunk;
                private Set<String> candidates;

                @Override
                public void document(String id) {
                    chunk = id.substring(0, id.lastIndexOf('|'));
                    candidates = before == null ? null : before.get(chunk);
                }

                @Override
                public void entry(String entry) {
                    if (holdsAll(entry, wanted)) {
                        String article = ContributionPlanner.entryArticle(entry);
                        if (candidates == null || candidates.contains(article)) {
                            next.computeIfAbsent(chunk, c -> new HashSet<>()).add(article);
                        }
                    }
                }
            });
            alive = next;
        }
        Map<String, Set<String>> out = new HashMap<>();
        if (alive != null) {
            alive.forEach((chunk, ids) -> out.computeIfAbsent(chunk.substring(0, chunk.indexOf('|')), d -> new HashSet<>()).addAll(ids));
        }
        return out;
    }

    private static boolean holdsAll(String entry, List<String> bigrams) {
        for (String b : bigrams) {
            if (!ContributionPlanner.entryHolds(entry, b)) {
                return false;
            }
        }
        return true;
    }

    /** The chunks of each day's item documents (bigram postings, figures) that may exist. */
    Map<String, Integer> chunks(Collection<String> days) {
        return DaySequences.chunks(db(), days);
    }

    /** The ids of one shard's count documents (co-occurrence, region days) in every chunk of each day. */
    private List<String> countIds(List<String> days, int shard) {
        Map<String, Integer> chunks = DaySequences.chunks(db(), days, ContributionPlanner.COUNT_CHUNK_ARTICLES);
        List<String> ids = new ArrayList<>();
        for (String day : days) {
            for (int c = 0; c < chunks.getOrDefault(day, 0); c++) {
                ids.add(ContributionPlanner.chunkShardId(day, c, shard));
            }
        }
        return ids;
    }

    /** {@code yyyy-MM-dd|chunk} of every chunk of each day: the ids of the chunked bigram and posting documents. */
    private List<String> dayChunkIds(Collection<String> days) {
        Map<String, Integer> chunks = chunks(days);
        List<String> ids = new ArrayList<>();
        for (String day : days) {
            for (int c = 0; c < chunks.getOrDefault(day, 0); c++) {
                ids.add(day + "|" + c);
            }
        }
        return ids;
    }

    /** The documents with these ids (read {@link #FETCH_CHUNK} at a time), projected to the paths. */
    List<Document> fetch(String collection, List<String> ids, String... paths) {
        MongoCollection<Document> c = db().getCollection(collection);
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += FETCH_CHUNK) {
            c.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + FETCH_CHUNK)))).projection(Projections.include(paths)).into(out);
        }
        return out;
    }

    /**
     * Walks the per-day posting lists newest day first. Each filter is a disjunction of posting-list paths; the
     * filters are intersected. The callback gets each day's matching article ids (ascending) and returns false to stop.
     */
    void scanPostings(List<List<String>> filters, LocalDate from, LocalDate to, int daysPerFetch,
                      java.util.function.BiPredicate<String, List<String>> perDay) {
        List<String> days = new ArrayList<>(days(from, to));
        Set<String> months = monthsNaming(filters, days);
        if (months != null) {
            days.removeIf(d -> !months.contains(d.substring(0, 7)));
        }
        java.util.Collections.reverse(days);
        for (int i = 0; i < days.size(); i += daysPerFetch) {
            List<String> run = days.subList(i, Math.min(days.size(), i + daysPerFetch));
            Map<String, Set<String>> byDay = postingsByDay(run, filters);
            for (String day : run) {
                Set<String> matching = byDay.get(day);
                if (matching != null && !perDay.test(day, new ArrayList<>(matching))) {
                    return;
                }
            }
        }
    }

    /** Per day: the articles of those days that name any of the entity keys (their posting lists). */
    Map<String, Set<String>> articlesNaming(List<String> entityKeys, List<String> days) {
        return postingsByDay(days, List.of(entityKeys.stream().map(k -> "posts.ent." + k).toList()));
    }

    /**
     * Per day (days without a match absent): the articles in every filter's posting lists, ascending; each filter is a
     * disjunction of posting-list paths.
     */
    private Map<String, Set<String>> postingsByDay(List<String> days, List<List<String>> filters) {
        Map<String, Set<String>> byDay = new HashMap<>();
        List<String> ids = dayChunkIds(days);
        if (ids.isEmpty()) {
            return byDay;
        }
        String[] paths = filters.stream().flatMap(List::stream).distinct().toArray(String[]::new);
        // an article is in one chunk of its day: intersect within each document, then unite the chunks
        for (Document d : fetch(Collections.POSTS, ids, paths)) {
            String id = d.getString("_id");
            byDay.computeIfAbsent(id.substring(0, id.indexOf('|')), k -> new java.util.TreeSet<>()).addAll(intersect(d, filters));
        }
        return byDay;
    }

    /**
     * For filters on entities spanning more than two months: the months in which every entity filter has articles (from
     * the per-type month counts, a few small reads), so that the day documents of other months are not read; else null.
     */
    private Set<String> monthsNaming(List<List<String>> filters, List<String> days) {
        Set<String> all = new java.util.TreeSet<>();
        days.forEach(d -> all.add(d.substring(0, 7)));
        if (all.size() <= 2) {
            return null;
        }
        Set<String> result = null;
        for (List<String> alternatives : filters) {
            if (!alternatives.stream().allMatch(p -> p.startsWith("posts.ent."))) {
                continue;
            }
            Set<String> months = new HashSet<>();
            List<String> keys = alternatives.stream().map(p -> p.substring("posts.ent.".length())).toList();
            List<String> ids = new ArrayList<>();
            for (String m : all) {
                keys.stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().forEach(t -> ids.add(ContributionPlanner.periodId(m, t)));
            }
            String[] paths = keys.stream().map(k -> "ent." + k).toArray(String[]::new);
            for (Document d : fetch(Collections.COUNTS, ids, paths)) {
                for (String path : paths) {
                    if (navigate(d, path) instanceof Number n && n.longValue() > 0) {
                        String id = d.getString("_id");
                        months.add(id.substring(2, 9));
                    }
                }
            }
            if (result == null) {
                result = months;
            } else {
                result.retainAll(months);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<String> intersect(Document day, List<List<String>> filters) {
        java.util.Set<String> result = null;
        for (List<String> alternatives : filters) {
            java.util.Set<String> union = new java.util.TreeSet<>();
            for (String path : alternatives) {
                if (navigate(day, path) instanceof java.util.Collection<?> ids) {
                    union.addAll((java.util.Collection<String>) ids);
                }
            }
            if (result == null) {
                result = union;
            } else {
                result.retainAll(union);
            }
            if (result.isEmpty()) {
                return List.of();
            }
        }
        return result == null ? List.of() : new ArrayList<>(result);
    }

    static Object navigate(Document d, String path) {
        Object cur = d;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Document doc)) {
                return null;
            }
            cur = doc.get(part);
        }
        return cur;
    }
}
