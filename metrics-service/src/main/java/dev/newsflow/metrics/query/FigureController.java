package dev.newsflow.metrics.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.FigureKind;
import dev.newsflow.metrics.store.Collections;
import dev.newsflow.metrics.store.ContributionPlanner;
import dev.newsflow.metrics.store.Keys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "figures")
class FigureController {

    private static final Comparator<Document> NEWEST_FIRST = Comparator.<Document, String>comparing(d -> d.getString("day"))
            .reversed().thenComparing(d -> d.getString("_id"));

    private static final int KIND_DAYS_PER_FETCH = 4;
    private static final int SUBJECT_DAYS_PER_FETCH = 4;

    private final AggregateReader reader;

    FigureController(AggregateReader reader) {
        this.reader = reader;
    }

    @GetMapping(value = "/api/v1/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Numeric facts",
            description = "One item per figure mentioned in an article, newest day first then by figure id. subject matches "
                    + "as a case-insensitive plain substring (e.g. 贷款 finds 个人贷款余额) and is answered from the "
                    + "per-subject monthly buckets; kind alone from the per-day buckets of each kind; entity keeps figures of articles naming that entity (per-day posting "
                    + "lists); kind and unit filter exactly.")
    Page<FigureItem> figures(@Parameter(description = "substring of the figure's subject") @RequestParam(required = false) String subject,
                             @Parameter(description = "exact unit: CNY, %, pp, 吨...") @RequestParam(required = false) String unit,
                             @Parameter(description = "MONEY, PERCENT, PERCENTAGE_POINT, COUNT, MEASURE, RATIO") @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String entity,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String page,
                             @RequestParam(required = false) String size) {
        String subj = Params.text("subject", subject, Params.MAX_NAME);
        String u = Params.text("unit", unit, 20);
        FigureKind k = Params.kind(kind);
        String ent = Params.text("entity", entity, Params.MAX_NAME);
        EntityType t = Params.type("type", type);
        LocalDate f = Params.date("from", from);
        LocalDate to2 = Params.date("to", to);
        Params.checkRange(f, to2);
        int p = Params.integer("page", page, 0, 0, Params.MAX_PAGE);
        int s = Params.integer("size", size, 20, 1, Params.MAX_SIZE);
        if (ent == null && t != null) {
            throw new BadParameterException("type", "needs 'entity'");
        }
        List<String> entityKeys = ent == null ? List.of()
                : (t == null ? Arrays.asList(EntityType.values()) : List.of(t)).stream().map(et -> Keys.entity(et, ent)).toList();

        Predicate<Document> keep = d -> (k == null || k.name().equals(d.getString("kind")))
                && (u == null || u.equals(d.getString("unit")))
                && (f == null || d.getString("day").compareTo(f.toString()) >= 0)
                && (to2 == null || d.getString("day").compareTo(to2.toString()) <= 0);
        Collector out = new Collector((long) p * s, s);
        if (subj != null) {
            bySubject(subj, entityKeys, f, to2, keep, out);
        } else if (k != null && entityKeys.isEmpty()) {
            byKind(k, f, to2, keep, out);
        } else {
            byDay(entityKeys, f, to2, keep, out);
        }
        return new Page<>(out.page().stream().map(FigureItem::of).toList(), p, s, out.hasNext());
    }

    /**
     * The matching subjects' month documents (figures per day), newest month first, then their day buckets, a few
     * days at a time, newest day first. The day buckets' items do not list entities (layout 6: that list was most of an
     * item's bytes, rewritten with its chunk document by every batch); with an entity, an item's article must be in
     * that day's posting list of the entity.
     */
    private void bySubject(String subject, List<String> entityKeys, LocalDate from, LocalDate to, Predicate<Document> keep,
                           Collector out) {
        String needle = subject.toLowerCase(Locale.ROOT);
        TreeMap<String, List<String>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        reader.db().getCollection(Collections.FIGURE_SUBJECTS).find().projection(Projections.include("_id")).forEach(d -> {
            String id = d.getString("_id");
            int bar = id.lastIndexOf('|');
            String month = id.substring(bar + 1);
            if (id.substring(0, bar).toLowerCase(Locale.ROOT).contains(needle)
                    && (from == null || month.compareTo(from.toString().substring(0, 7)) >= 0)
                    && (to == null || month.compareTo(to.toString().substring(0, 7)) <= 0)) {
                byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(id);
            }
        });
        for (List<String> ids : byMonth.values()) {
            // day -> the subjects with figures on that day, newest day first
            TreeMap<String, List<String>> byDay = new TreeMap<>(Comparator.reverseOrder());
            reader.fetch(Collections.FIGURE_SUBJECTS, ids, "d").forEach(m -> {
                String id = m.getString("_id");
                int bar = id.lastIndexOf('|');
                if (m.get("d") instanceof Document days) {
                    days.forEach((dd, n) -> {
                        String day = id.substring(bar + 1) + "-" + dd;
                        if (n instanceof Number c && c.longValue() > 0 && (from == null || day.compareTo(from.toString()) >= 0)
                                && (to == null || day.compareTo(to.toString()) <= 0)) {
                            byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(id.substring(0, bar));
                        }
                    });
                }
            });
            List<String> days = new ArrayList<>(byDay.keySet());
            Map<String, Integer> chunks = reader.chunks(days);
            for (int i = 0; i < days.size(); i += SUBJECT_DAYS_PER_FETCH) {
                List<String> chunk = days.subList(i, Math.min(days.size(), i + SUBJECT_DAYS_PER_FETCH));
                java.util.Map<String, List<Document>> items = new java.util.HashMap<>();
                List<String> dayChunks = new ArrayList<>();
                for (String day : chunk) {
                    for (String subjectName : byDay.get(day)) {
                        for (int c = 0; c < chunks.getOrDefault(day, 0); c++) {
                            dayChunks.add(ContributionPlanner.subjectDayId(subjectName, day, c));
                        }
                    }
                }
                Map<String, java.util.Set<String>> naming = entityKeys.isEmpty() ? null : reader.articlesNaming(entityKeys, chunk);
                reader.fetch(Collections.FIGURE_SUBJECT_DAYS, dayChunks, "items")
                        .forEach(d -> {
                            String id = d.getString("_id");
                            String withoutChunk = id.substring(0, id.lastIndexOf('|'));
                            String day = withoutChunk.substring(withoutChunk.lastIndexOf('|') + 1);
                            java.util.Set<String> ofEntity = naming == null ? null : naming.getOrDefault(day, java.util.Set.of());
                            items.computeIfAbsent(day, k -> new ArrayList<>())
                                    .addAll(d.getList("items", Document.class, List.of()).stream()
                                            .filter(it -> ofEntity == null || ofEntity.contains(it.getString("a")))
                                            .filter(keep).toList());
                        });
                for (String day : chunk) {
                    List<Document> sorted = new ArrayList<>(items.getOrDefault(day, List.of()));
                    sorted.sort(NEWEST_FIRST);
                    if (!out.offer(sorted)) {
                        return;
                    }
                }
            }
        }
    }

    /** The per-day figure buckets, newest day first (filtered by kind). */
    private void byKind(FigureKind kind, LocalDate from, LocalDate to, Predicate<Document> keep, Collector out) {
        List<String> days = new ArrayList<>(reader.days(from, to));
        java.util.Collections.reverse(days);
        for (int i = 0; i < days.size(); i += KIND_DAYS_PER_FETCH) {
            List<String> chunk = days.subList(i, Math.min(days.size(), i + KIND_DAYS_PER_FETCH));
            java.util.Map<String, List<Document>> byDay = new java.util.HashMap<>();
            Map<String, Integer> chunks = reader.chunks(chunk);
            List<String> ids = new ArrayList<>();
            for (String day : chunk) {
                for (int c = 0; c < chunks.getOrDefault(day, 0); c++) {
                    ids.add(day + "|" + kind.name() + "|" + c);
                }
            }
            reader.fetch(Collections.FIGURE_DAYS, ids, "items").forEach(d -> byDay.computeIfAbsent(d.getString("_id").substring(0, 10),
                    k -> new ArrayList<>()).addAll(d.getList("items", Document.class, List.of())));
            for (String day : chunk) {
                List<Document> items = new ArrayList<>(byDay.getOrDefault(day, List.of()).stream().filter(keep).toList());
                items.sort(NEWEST_FIRST);
                if (!out.offer(items)) {
                    return;
                }
            }
        }
    }

    /** Articles of each day (all, or those naming the entity), newest day first, then their figure documents. */
    private void byDay(List<String> entityKeys, LocalDate from, LocalDate to, Predicate<Document> keep, Collector out) {
        List<List<String>> filters = List.of(entityKeys.isEmpty() ? List.of("posts.all")
                : entityKeys.stream().map(k -> "posts.ent." + k).toList());
        reader.scanPostings(filters, from, to, entityKeys.isEmpty() ? 2 : 31, (day, articleIds) -> {
            if (articleIds.isEmpty()) {
                return true;
            }
            List<String> figureIds = new ArrayList<>();
            reader.db().getCollection(Collections.ARTICLES).find(Filters.in("_id", articleIds))
                    .projection(Projections.include("figureCount"))
                    .forEach(a -> {
                        for (int i = 0; i < a.getInteger("figureCount", 0); i++) {
                            figureIds.add(a.getString("_id") + "|" + i);
                        }
                    });
            if (figureIds.isEmpty()) {
                return true;
            }
            List<Document> items = new ArrayList<>();
            reader.db().getCollection(Collections.FIGURES).find(Filters.in("_id", figureIds)).forEach(d -> {
                if (keep.test(d)) {
                    items.add(d);
                }
            });
            items.sort(NEWEST_FIRST);
            return out.offer(items);
        });
    }

    /** Skips, then collects one more than a page (to know whether there is a next page). */
    private static final class Collector {
        private long skip;
        private final int size;
        private final List<Document> picked = new ArrayList<>();

        Collector(long skip, int size) {
            this.skip = skip;
            this.size = size;
        }

        boolean offer(List<Document> sorted) {
            for (Document d : sorted) {
                if (skip > 0) {
                    skip--;
                } else {
                    picked.add(d);
                    if (picked.size() > size) {
                        return false;
                    }
                }
            }
            return true;
        }

        List<Document> page() {
            return picked.size() > size ? picked.subList(0, size) : picked;
        }

        boolean hasNext() {
            return picked.size() > size;
        }
    }

    record FigureItem(String id, String article, String day, String subject, String value, String unit, String kind,
                      boolean approximate, String qualifier, String text, Document change) {
        static FigureItem of(Document d) {
            return new FigureItem(d.getString("_id"), d.getString("article") != null ? d.getString("article") : d.getString("a"),
                    d.getString("day"), d.getString("subject"), d.getString("valueText"), d.getString("unit"), d.getString("kind"),
                    Boolean.TRUE.equals(d.getBoolean("approximate")), d.getString("qualifier"), d.getString("text"),
                    d.get("change", Document.class));
        }
    }
}
