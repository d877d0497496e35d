package dev.newsflow.metrics.query;

import dev.newsflow.events.EntityType;
import dev.newsflow.metrics.store.ContributionPlanner;
import dev.newsflow.metrics.store.Keys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(value = "/api/v1/entities", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "entities")
class EntityController {

    static final Comparator<EntityCount> BY_COUNT = Comparator.comparingLong(EntityCount::count).reversed()
            .thenComparing(EntityCount::type).thenComparing(EntityCount::name);

    private final AggregateReader reader;

    EntityController(AggregateReader reader) {
        this.reader = reader;
    }

    @GetMapping("/top")
    @Operation(summary = "Most mentioned entities",
            description = "count = number of ARTICLES mentioning the entity in the window (an article counts once per "
                    + "entity, however often it names it). Sorted by count desc, then type, then name. With region: only "
                    + "articles about that county/city/province (roll-up by code). Window defaults to everything stored.")
    List<EntityCount> top(@Parameter(description = "PERSON, LOCATION or ORGANIZATION") @RequestParam(required = false) String type,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @Parameter(description = "6-digit GB/T 2260 code") @RequestParam(required = false) String region,
                          @Parameter(description = "1..100, default 10") @RequestParam(required = false) String limit) {
        EntityType t = Params.type("type", type);
        LocalDate f = Params.date("from", from);
        LocalDate to2 = Params.date("to", to);
        Params.checkRange(f, to2);
        String reg = Params.region("region", region);
        int lim = Params.integer("limit", limit, 10, 1, Params.MAX_LIMIT);
        return ranked(reader.counts(reg == null ? ContributionPlanner.ALL_SCOPE : reg, f, to2, true, t).entities(), t, lim);
    }

    @GetMapping("/{type}/{name}/timeline")
    @Operation(summary = "Articles per day, week (ISO, starting Monday) or month mentioning one entity",
            description = "Periods without mentions are omitted. Window defaults to everything stored.")
    Timeline timeline(@PathVariable String type, @PathVariable String name,
                      @Parameter(description = "day, week or month") @RequestParam(required = false) String interval,
                      @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to) {
        EntityType t = Params.requiredType("type", type);
        String n = Params.requiredText("name", name, Params.MAX_NAME);
        String iv = Params.interval(interval);
        LocalDate f = Params.date("from", from);
        LocalDate to2 = Params.date("to", to);
        Params.checkRange(f, to2);
        TreeMap<String, Long> perDay = reader.perDay(Keys.entity(t, n), f, to2);
        TreeMap<String, Long> periods = new TreeMap<>();
        perDay.forEach((day, count) -> periods.merge(period(LocalDate.parse(day), iv), count, Long::sum));
        List<Point> points = new ArrayList<>();
        periods.forEach((p, c) -> points.add(new Point(p, c)));
        return new Timeline(n, t.name(), iv, points);
    }

    @GetMapping("/{type}/{name}/related")
    @Operation(summary = "Entities co-occurring with one entity",
            description = "count = number of articles in the window naming both entities. Sorted by count desc, type, name.")
    List<EntityCount> related(@PathVariable String type, @PathVariable String name,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @Parameter(description = "1..100, default 10") @RequestParam(required = false) String limit) {
        EntityType t = Params.requiredType("type", type);
        String n = Params.requiredText("name", name, Params.MAX_NAME);
        LocalDate f = Params.date("from", from);
        LocalDate to2 = Params.date("to", to);
        Params.checkRange(f, to2);
        int lim = Params.integer("limit", limit, 10, 1, Params.MAX_LIMIT);
        Map<String, Long> sums = reader.cooccurring(Keys.entity(t, n), f, to2);
        return ranked(sums, null, lim);
    }

    /** The {@code limit} best by {@link #BY_COUNT} (a bounded heap: all-time maps hold tens of thousands of keys). */
    static List<EntityCount> ranked(Map<String, Long> counts, EntityType type, int limit) {
        String prefix = type == null ? null : Keys.encode(type.name() + "|");
        PriorityQueue<EntityCount> best = new PriorityQueue<>(limit + 1, BY_COUNT.reversed());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() <= 0 || (prefix != null && !e.getKey().startsWith(prefix))) {
                continue;
            }
            if (best.size() == limit && best.peek().count() > e.getValue()) {
                continue;
            }
            String[] tn = Keys.splitEntity(e.getKey());
            best.add(new EntityCount(tn[1], tn[0], e.getValue()));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<EntityCount> out = new ArrayList<>(best);
        out.sort(BY_COUNT);
        return out;
    }

    static String period(LocalDate day, String interval) {
        return switch (interval) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
            case "month" -> day.toString().substring(0, 7);
            default -> day.toString();
        };
    }

    record Point(String period, long count) {
    }

    record Timeline(String name, String type, String interval, List<Point> points) {
    }
}
