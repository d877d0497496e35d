package dev.newsflow.metrics.query;

import dev.newsflow.metrics.store.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "regions")
class RegionController {

    private final AggregateReader reader;

    RegionController(AggregateReader reader) {
        this.reader = reader;
    }

    @GetMapping(value = "/api/v1/regions/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Articles and top entities for a county, city or province",
            description = "Rolled up by GB/T 2260 code: a county 210726 also counts for city 210700 and province 210000. "
                    + "articles = articles naming the region or a division inside it; topEntities counts articles per "
                    + "entity among those. Window defaults to everything stored.")
    RegionStats region(@PathVariable String code,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       @RequestParam(required = false) String limit) {
        String c = Params.region("code", code);
        if (c == null) {
            throw new BadParameterException("code", "is required");
        }
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        Params.checkRange(f, t);
        int lim = Params.integer("limit", limit, 10, 1, Params.MAX_LIMIT);
        AggregateReader.Counts counts = reader.counts(c, f, t, true);
        return new RegionStats(c, Regions.level(c).name(), counts.articles(), EntityController.ranked(counts.entities(), null, lim));
    }

    record RegionStats(String code, String level, long articles, List<EntityCount> topEntities) {
    }
}
