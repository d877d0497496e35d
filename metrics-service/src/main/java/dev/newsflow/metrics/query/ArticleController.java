package dev.newsflow.metrics.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.newsflow.events.EntityType;
import dev.newsflow.metrics.store.Collections;
import dev.newsflow.metrics.store.ContributionPlanner;
import dev.newsflow.metrics.store.Keys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "articles")
class ArticleController {

    private static final int DAYS_PER_FETCH = 31;
    private static final int MAX_ID = 200;
    private static final int VERIFY_FIRST = 32;
    private static final int VERIFY_MAX = 256;

    private final AggregateReader reader;

    ArticleController(AggregateReader reader) {
        this.reader = reader;
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One stored article", description = "The enriched article (EnrichedArticle JSON) as stored; 404 problem+json when absent.")
    ResponseEntity<String> article(@PathVariable String id) {
        String articleId = Params.requiredText("id", id, MAX_ID);
        Document d = reader.db().getCollection(Collections.ARTICLES).find(Filters.eq("_id", articleId))
                .projection(Projections.include("json")).first();
        if (d == null) {
            throw new NotFoundException("no article with id '" + articleId + "'");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(d.getString("json"));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search stored articles",
            description = "Articles matching every given filter, newest day first, then by id ascending (stable). "
                    + "entity (+ optional type) / source / section / region are answered from per-day posting lists; "
                    + "q is a case-insensitive plain substring of title or body (no regex, no operators), answered from a "
                    + "character-bigram index and verified on the text. "
                    + "Window defaults to everything stored.")
    Page<ArticleSummary> articles(
            @Parameter(description = "entity name, exact") @RequestParam(required = false) String entity,
            @Parameter(description = "PERSON, LOCATION or ORGANIZATION") @RequestParam(required = false) String type,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String section,
            @Parameter(description = "6-digit GB/T 2260 code; a city or province includes its counties") @RequestParam(required = false) String region,
            @Parameter(description = "substring of title or body, at most 100 characters") @RequestParam(required = false) String q,
            @Parameter(description = "ISO date, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO date, inclusive") @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        String entityName = Params.text("entity", entity, Params.MAX_NAME);
        EntityType entityType = Params.type("type", type);
        String src = Params.text("source", source, 200);
        String sec = Params.text("section", section, 200);
        String reg = Params.region("region", region);
        String query = Params.text("q", q, 100);
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        Params.checkRange(f, t);
        int p = Params.integer("page", page, 0, 0, Params.MAX_PAGE);
        int s = Params.integer("size", size, 20, 1, Params.MAX_SIZE);

        // each filter is a disjunction of posting lists; the filters are intersected
        List<List<String>> filters = new ArrayList<>();
        if (entityName != null) {
            List<String> alts = new ArrayList<>();
            for (EntityType et : entityType == null ? EntityType.values() : new EntityType[] {entityType}) {
                alts.add("posts.ent." + Keys.entity(et, entityName));
            }
            filters.add(alts);
        } else if (entityType != null) {
            throw new BadParameterException("type", "needs 'entity'");
        }
        if (src != null) {
            filters.add(List.of("posts.src." + Keys.encode(src)));
        }
        if (sec != null) {
            filters.add(List.of("posts.sec." + Keys.encode(sec)));
        }
        if (reg != null) {
            filters.add(List.of("posts.reg." + reg));
        }
        if (filters.isEmpty()) {
            filters.add(List.of("posts.all"));
        }
        TextMatcher text = query == null ? null : new TextMatcher(query);
        long[] toSkip = {(long) p * s};
        List<String> picked = new ArrayList<>();
        reader.scanPostings(filters, f, t, DAYS_PER_FETCH, (day, ids) -> {
            List<String> candidates = text != null && !ids.isEmpty() ? text.matching(day, ids, toSkip[0] + s + 1 - picked.size()) : ids;
            for (String id : candidates) {
                if (toSkip[0] > 0) {
                    toSkip[0]--;
                    continue;
                }
                picked.add(id);
                if (picked.size() > s) {
                    return false;
                }
            }
            return true;
        });
        boolean hasNext = picked.size() > s;
        List<String> pageIds = hasNext ? picked.subList(0, s) : picked;
        return new Page<>(summaries(pageIds), p, s, hasNext);
    }

    /**
     * Case-insensitive substring matching of title or body: candidates from the bigram index (articles containing a
     * few of the query's bigrams, loaded for runs of days, longer as the scan goes on), then verified on the stored text.
     */
    private final class TextMatcher {
        private static final int MAX_BIGRAMS = 6;
        private static final int FIRST_RUN = 4;
        private static final int MAX_RUN = 16;
        private final String needle;
        private final Set<String> bigrams;
        private final Map<String, Set<String>> byDay = new HashMap<>();
        private final Set<String> loaded = new HashSet<>();
        private int run = FIRST_RUN;

        TextMatcher(String q) {
            needle = q.toLowerCase(Locale.ROOT);
            List<String> all = new ArrayList<>(new TreeSet<>(ContributionPlanner.bigrams(q)));
            Set<String> picked = new TreeSet<>();
            for (int i = 0; i < Math.min(MAX_BIGRAMS, all.size()); i++) {
                picked.add(all.get(all.size() <= MAX_BIGRAMS ? i : i * (all.size() - 1) / (MAX_BIGRAMS - 1)));
            }
            bigrams = picked;
        }

        /**
         * The first {@code needed} (at least) of {@code ids} that match, in order. Called newest day first: loads the
         * index of this day and the days before it.
         */
        List<String> matching(String day, List<String> ids, long needed) {
            if (bigrams.isEmpty()) {
                return containing(ids, needle, needed);
            }
            if (!loaded.contains(day)) {
                List<String> days = new ArrayList<>();
                LocalDate d = LocalDate.parse(day);
                for (int i = 0; i < run; i++) {
                    days.add(d.minusDays(i).toString());
                }
                byDay.putAll(reader.textCandidates(days, bigrams));
                loaded.addAll(days);
                run = Math.min(MAX_RUN, run * 2);
            }
            Set<String> candidates = byDay.get(day);
            if (candidates == null || candidates.isEmpty()) {
                return List.of();
            }
            List<String> keep = ids.stream().filter(candidates::contains).toList();
            return keep.isEmpty() ? keep : containing(keep, needle, needed);
        }
    }

    /** The ids whose title or body contains the needle, in order; checked a few at a time until {@code needed} are found. */
    private List<String> containing(List<String> ids, String needle, long needed) {
        List<String> out = new ArrayList<>();
        for (int i = 0, chunk = VERIFY_FIRST; i < ids.size() && out.size() < needed; i += chunk, chunk = Math.min(VERIFY_MAX, chunk * 2)) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + chunk));
            Set<String> hits = new HashSet<>();
            reader.db().getCollection(Collections.ARTICLES).find(Filters.in("_id", part))
                    .projection(Projections.include("title", "body"))
                    .forEach(d -> {
                        if (contains(d.getString("title"), needle) || contains(d.getString("body"), needle)) {
                            hits.add(d.getString("_id"));
                        }
                    });
            part.stream().filter(hits::contains).forEach(out::add);
        }
        return out;
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private List<ArticleSummary> summaries(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ArticleSummary> byId = new HashMap<>();
        reader.db().getCollection(Collections.ARTICLES).find(Filters.in("_id", ids))
                .projection(Projections.include("title", "source", "section", "publishedAt", "day", "entityCount", "figureCount", "modelVersion"))
                .forEach(d -> byId.put(d.getString("_id"), new ArticleSummary(d.getString("_id"), d.getString("title"),
                        d.getString("source"), d.getString("section"), d.getString("publishedAt"), d.getString("day"),
                        d.getInteger("entityCount", 0), d.getInteger("figureCount", 0), d.getString("modelVersion"))));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** What a result list shows of an article; GET /articles/{id} has the rest. */
    record ArticleSummary(String id, String title, String source, String section, String publishedAt, String day,
                          int entityCount, int figureCount, String modelVersion) {
    }
}
