package dev.newsflow.metrics.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.newsflow.metrics.store.Collections;
import dev.newsflow.metrics.store.ContributionPlanner;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
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

    private final MongoDatabaseFactory factory;

    AggregateReader(MongoDatabaseFactory factory) {
        this.factory = factory;
    }

    MongoDatabase db() {
        return factory.getMongoDatabase();
    }

    /** Days that have data within [from, to] (either bound may be null), ascending. */
    List<String> days(LocalDate from, LocalDate to) {
        Document doc = db().getCollection(Collections.COUNTS).find(Filters.eq("_id", ContributionPlanner.DAYS_DOC)).first();
        List<String> out = new ArrayList<>();
        if (doc != null && doc.get("d") instanceof Document d) {
            String f = from == null ? null : from.toString();
            String t = to == null ? null : to.toString();
            d.forEach((day, v) -> {
                if (v instanceof Number n && n.longValue() > 0 && (f == null || day.compareTo(f) >= 0) && (t == null || day.compareTo(t) <= 0)) {
                    out.add(day);
                }
            });
        }
        out.sort(null);
        return out;
    }

    /** The last day with data, or null when nothing is stored. */
    LocalDate lastDay() {
        List<String> all = days(null, null);
        return all.isEmpty() ? null : LocalDate.parse(all.get(all.size() - 1));
    }

    /** Articles and articles per entity key within a scope ({@code *} or a region code) and window. */
    record Counts(long articles, Map<String, Long> entities) {
    }

    /**
     * Sums the counts of a scope over the window: the all-time documents when the window is unbounded, else the month
     * documents of fully covered months plus the day documents at the edges.
     */
    Counts counts(String scope, LocalDate from, LocalDate to, boolean withEntities) {
        String[] paths = withEntities ? new String[] {"n", "ent"} : new String[] {"n"};
        List<Document> docs;
        if (from == null && to == null) {
            List<String> ids = new ArrayList<>();
            if (scope.equals(ContributionPlanner.ALL_SCOPE)) {
                for (int s = 0; s < ContributionPlanner.ALL_SHARDS; s++) {
                    ids.add(ContributionPlanner.allId(s));
                }
            } else {
                ids.add(scope + "|all");
            }
            docs = fetch(Collections.COUNTS, ids, paths);
        } else if (scope.equals(ContributionPlanner.ALL_SCOPE)) {
            Window w = window(from, to);
            docs = new ArrayList<>();
            if (!w.months().isEmpty()) {
                docs.addAll(fetch(Collections.COUNTS, w.months().stream().map(m -> scope + "|" + m).toList(), paths));
            }
            if (!w.days().isEmpty()) {
                for (Document d : fetch(Collections.DAYS, w.days(), withEntities ? new String[] {"counts.total", "counts.ent"}
                        : new String[] {"counts.total"})) {
                    Document c = d.get("counts", Document.class);
                    docs.add(new Document("n", c == null ? null : c.get("total")).append("ent", c == null ? null : c.get("ent")));
                }
            }
        } else {
            int shard = ContributionPlanner.regionShard(scope);
            List<String> days = days(from, to).stream().map(d -> d + "|" + shard).toList();
            docs = new ArrayList<>();
            String reg = "reg." + scope;
            String regent = "regent." + scope;
            if (!days.isEmpty()) {
                for (Document d : fetch(Collections.REGION_DAYS, days, withEntities ? new String[] {reg, regent} : new String[] {reg})) {
                    docs.add(new Document("n", navigate(d, reg)).append("ent", navigate(d, regent)));
                }
            }
        }
        long n = 0;
        Map<String, Long> sums = new HashMap<>();
        for (Document d : docs) {
            if (d.get("n") instanceof Number num) {
                n += num.longValue();
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
        return new Counts(n, sums);
    }

    /** Entities co-occurring with one entity over the window: other entity key → articles naming both. */
    Map<String, Long> cooccurring(String entityKey, LocalDate from, LocalDate to) {
        int shard = ContributionPlanner.shard(entityKey);
        Window w = window(from, to);
        String path = "co." + entityKey;
        List<Document> docs = new ArrayList<>();
        if (!w.months().isEmpty()) {
            docs.addAll(fetch(Collections.COOCCURRENCE_MONTHS, w.months().stream().map(m -> m + "|" + shard).toList(), path));
        }
        if (!w.days().isEmpty()) {
            docs.addAll(fetch(Collections.COOCCURRENCE, w.days().stream().map(d -> d + "|" + shard).toList(), path));
        }
        Map<String, Long> sums = new HashMap<>();
        for (Document d : docs) {
            if (navigate(d, path) instanceof Document m) {
                m.forEach((k, v) -> {
                    if (v instanceof Number num && num.longValue() != 0) {
                        sums.merge(k, num.longValue(), Long::sum);
                    }
                });
            }
        }
        sums.values().removeIf(v -> v <= 0);
        return sums;
    }

    /** The days with data of a window split into fully covered months and the remaining (edge) days. */
    record Window(List<String> months, List<String> days) {
    }

    Window window(LocalDate from, LocalDate to) {
        Map<String, List<String>> byMonth = new LinkedHashMap<>();
        for (String d : days(from, to)) {
            byMonth.computeIfAbsent(d.substring(0, 7), k -> new ArrayList<>()).add(d);
        }
        List<String> months = new ArrayList<>();
        List<String> days = new ArrayList<>();
        byMonth.forEach((m, ds) -> {
            YearMonth ym = YearMonth.parse(m);
            boolean covered = (from == null || !from.isAfter(ym.atDay(1))) && (to == null || !to.isBefore(ym.atEndOfMonth()));
            if (covered) {
                months.add(m);
            } else {
                days.addAll(ds);
            }
        });
        return new Window(months, days);
    }

    /** Articles per day naming the entity (scope {@code *} day documents): day → count, zeros omitted. */
    TreeMap<String, Long> perDay(String entityKey, LocalDate from, LocalDate to) {
        TreeMap<String, Long> out = new TreeMap<>();
        List<String> days = days(from, to);
        if (days.isEmpty()) {
            return out;
        }
        String path = "counts.ent." + entityKey;
        for (Document d : fetch(Collections.DAYS, days, path)) {
            if (navigate(d, path) instanceof Number n && n.longValue() > 0) {
                out.put(d.getString("_id"), n.longValue());
            }
        }
        return out;
    }

    /**
     * Candidate articles for a text query from the bigram index, for one month: day → ids of the articles whose
     * title or body contains every bigram (a superset of the real matches; callers verify).
     */
    @SuppressWarnings("unchecked")
    Map<String, Set<String>> textCandidates(String month, Set<String> bigrams) {
        List<String> ids = bigrams.stream().map(b -> b + "|" + month).toList();
        List<Document> docs = fetch(Collections.TEXT, ids, "d");
        Map<String, Set<String>> out = new HashMap<>();
        if (docs.size() < ids.size()) {
            return out;
        }
        boolean first = true;
        for (Document doc : docs) {
            Document d = doc.get("d", Document.class);
            if (d == null) {
                return Map.of();
            }
            if (first) {
                d.forEach((dd, v) -> out.put(month + "-" + dd, new HashSet<>((List<String>) v)));
                first = false;
            } else {
                out.entrySet().removeIf(e -> {
                    Object v = d.get(e.getKey().substring(8));
                    if (!(v instanceof List<?> l)) {
                        return true;
                    }
                    e.getValue().retainAll(new HashSet<>(l));
                    return e.getValue().isEmpty();
                });
            }
            if (out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    List<Document> fetch(String collection, List<String> ids, String... paths) {
        MongoCollection<Document> c = db().getCollection(collection);
        List<Document> out = new ArrayList<>();
        c.find(Filters.in("_id", ids)).projection(Projections.include(paths)).into(out);
        return out;
    }

    /**
     * Walks the per-day posting lists newest day first. Each filter is a disjunction of posting-list paths; the
     * filters are intersected. The callback gets each day's matching article ids (ascending) and returns false to stop.
     */
    void scanPostings(List<List<String>> filters, LocalDate from, LocalDate to, int daysPerFetch,
                      java.util.function.BiPredicate<String, List<String>> perDay) {
        String[] paths = filters.stream().flatMap(List::stream).distinct().toArray(String[]::new);
        List<String> days = new ArrayList<>(days(from, to));
        java.util.Collections.reverse(days);
        for (int i = 0; i < days.size(); i += daysPerFetch) {
            List<String> chunk = days.subList(i, Math.min(days.size(), i + daysPerFetch));
            Map<String, Document> byDay = new HashMap<>();
            fetch(Collections.DAYS, chunk, paths).forEach(d -> byDay.put(d.getString("_id"), d));
            for (String day : chunk) {
                Document d = byDay.get(day);
                if (d != null && !perDay.test(day, intersect(d, filters))) {
                    return;
                }
            }
        }
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
