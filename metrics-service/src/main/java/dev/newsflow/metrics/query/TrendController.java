package dev.newsflow.metrics.query;

import dev.newsflow.events.EntityType;
import dev.newsflow.metrics.store.ContributionPlanner;
import dev.newsflow.metrics.store.Keys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "trends")
class TrendController {

    private final AggregateReader reader;

    TrendController(AggregateReader reader) {
        this.reader = reader;
    }

    @GetMapping(value = "/api/v1/trends", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Entities rising fastest",
            description = "current = articles mentioning the entity in the window ending at 'to' (default: the last day "
                    + "with data); previous = the same in the window just before. score = (current - previous) / "
                    + "(previous + 1): the growth with +1 smoothing, so a new entity with 5 articles scores 5 and one "
                    + "going from 4 to 10 scores 1.2. Only entities with current >= minCount (default 2). Sorted by score "
                    + "desc, then current desc, type, name.")
    Trends trends(@Parameter(description = "ISO-8601 period in days, P1D..P366D, default P7D") @RequestParam(required = false) String window,
                  @RequestParam(required = false) String to,
                  @RequestParam(required = false) String type,
                  @RequestParam(required = false) String minCount,
                  @RequestParam(required = false) String limit) {
        Period w = Params.window(window);
        LocalDate end = Params.date("to", to);
        EntityType t = Params.type("type", type);
        int min = Params.integer("minCount", minCount, 2, 1, 1_000_000);
        int lim = Params.integer("limit", limit, 10, 1, Params.MAX_LIMIT);
        if (end == null) {
            end = reader.lastDay();
        }
        if (end == null) {
            return new Trends(w.toString(), null, null, List.of());
        }
        int days = w.getDays();
        LocalDate curFrom = end.minusDays(days - 1L);
        LocalDate prevTo = curFrom.minusDays(1);
        LocalDate prevFrom = prevTo.minusDays(days - 1L);
        Map<String, Long> cur = reader.counts(ContributionPlanner.ALL_SCOPE, curFrom, end, true, t).entities();
        Map<String, Long> prev = reader.counts(ContributionPlanner.ALL_SCOPE, prevFrom, prevTo, true, t).entities();
        String prefix = t == null ? null : t.name() + "|";
        List<Trend> items = cur.entrySet().stream()
                .filter(e -> e.getValue() >= min)
                .filter(e -> prefix == null || Keys.decode(e.getKey()).startsWith(prefix))
                .map(e -> {
                    long p = prev.getOrDefault(e.getKey(), 0L);
                    String[] tn = Keys.splitEntity(e.getKey());
                    double score = (e.getValue() - p) / (double) (p + 1);
                    return new Trend(tn[1], tn[0], e.getValue(), p, Math.round(score * 1000) / 1000.0);
                })
                .sorted(Comparator.comparingDouble(Trend::score).reversed()
                        .thenComparing(Comparator.comparingLong(Trend::current).reversed())
                        .thenComparing(Trend::type).thenComparing(Trend::name))
                .limit(lim)
                .toList();
        return new Trends(w.toString(), curFrom.toString(), end.toString(), items);
    }

    record Trend(String name, String type, long current, long previous, double score) {
    }

    record Trends(String window, String from, String to, List<Trend> items) {
    }
}
