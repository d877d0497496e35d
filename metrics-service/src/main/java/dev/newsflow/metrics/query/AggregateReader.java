package dev.newsflow.metrics.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.newsflow.metrics.store.Collections;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the pre-aggregated day and month documents. A window [from, to] is answered from the month documents
 * it fully covers plus the day documents at its edges, projecting only the one field asked for.
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
        return ids(Collections.DAYS, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    private List<String> ids(String collection, String from, String to) {
        List<Bson> f = new ArrayList<>();
        if (from != null) {
            f.add(Filters.gte("_id", from));
        }
        if (to != null) {
            f.add(Filters.lte("_id", to));
        }
        List<String> out = new ArrayList<>();
        db().getCollection(collection).find(f.isEmpty() ? new Document() : Filters.and(f))
                .projection(Projections.include("_id"))
                .forEach(d -> out.add(d.getString("_id")));
        out.sort(null);
        return out;
    }

    /** The last day with data, or null when nothing is stored. */
    LocalDate lastDay() {
        List<String> all = days(null, null);
        return all.isEmpty() ? null : LocalDate.parse(all.get(all.size() - 1));
    }

    /**
     * Sums a counts sub-document (e.g. {@code counts.ent}) over the window: key → sum. With {@code monthly} the
     * month documents are used for fully covered months (they carry counts.total and counts.ent only).
     */
    Map<String, Long> sumMap(String path, LocalDate from, LocalDate to, boolean monthly) {
        Map<String, Long> sums = new HashMap<>();
        for (Document d : windowDocs(path, from, to, monthly)) {
            Object v = navigate(d, path);
            if (v instanceof Document m) {
                for (Map.Entry<String, Object> e : m.entrySet()) {
                    if (e.getValue() instanceof Number n && n.longValue() != 0) {
                        sums.merge(e.getKey(), n.longValue(), Long::sum);
                    }
                }
            }
        }
        sums.values().removeIf(v -> v <= 0);
        return sums;
    }

    /** Sums a single counter (e.g. {@code counts.reg.210700}) over the window. */
    long sumValue(String path, LocalDate from, LocalDate to, boolean monthly) {
        long sum = 0;
        for (Document d : windowDocs(path, from, to, monthly)) {
            if (navigate(d, path) instanceof Number n) {
                sum += n.longValue();
            }
        }
        return sum;
    }

    /** A counter per day with data: day → value (zeros omitted). */
    TreeMap<String, Long> perDay(String path, LocalDate from, LocalDate to) {
        TreeMap<String, Long> out = new TreeMap<>();
        List<String> days = days(from, to);
        if (days.isEmpty()) {
            return out;
        }
        for (Document d : fetch(Collections.DAYS, days, path)) {
            if (navigate(d, path) instanceof Number n && n.longValue() > 0) {
                out.put(d.getString("_id"), n.longValue());
            }
        }
        return out;
    }

    private List<Document> windowDocs(String path, LocalDate from, LocalDate to, boolean monthly) {
        List<String> days = days(from, to);
        if (days.isEmpty()) {
            return List.of();
        }
        List<String> dayIds = new ArrayList<>();
        List<String> monthIds = new ArrayList<>();
        if (monthly) {
            Map<String, List<String>> byMonth = new LinkedHashMap<>();
            for (String d : days) {
                byMonth.computeIfAbsent(d.substring(0, 7), k -> new ArrayList<>()).add(d);
            }
            byMonth.forEach((m, ds) -> {
                YearMonth ym = YearMonth.parse(m);
                boolean covered = (from == null || !from.isAfter(ym.atDay(1))) && (to == null || !to.isBefore(ym.atEndOfMonth()));
                if (covered) {
                    monthIds.add(m);
                } else {
                    dayIds.addAll(ds);
                }
            });
        } else {
            dayIds.addAll(days);
        }
        List<Document> docs = new ArrayList<>();
        if (!monthIds.isEmpty()) {
            docs.addAll(fetch(Collections.MONTHS, monthIds, path));
        }
        if (!dayIds.isEmpty()) {
            docs.addAll(fetch(Collections.DAYS, dayIds, path));
        }
        return docs;
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
