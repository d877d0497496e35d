package dev.newsflow.metrics.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.FigureKind;
import dev.newsflow.metrics.store.Collections;
import dev.newsflow.metrics.store.Keys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "figures")
class FigureController {

    private final AggregateReader reader;

    FigureController(AggregateReader reader) {
        this.reader = reader;
    }

    @GetMapping(value = "/api/v1/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Numeric facts",
            description = "One item per figure mentioned in an article, newest day first then by id. subject matches as a "
                    + "plain substring (e.g. 贷款 finds 个人贷款余额); entity keeps figures of articles naming that entity.")
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

        List<Bson> filters = new ArrayList<>();
        if (f != null) {
            filters.add(Filters.gte("day", f.toString()));
        }
        if (to2 != null) {
            filters.add(Filters.lte("day", to2.toString()));
        }
        if (subj != null) {
            filters.add(Filters.regex("subject", Pattern.quote(subj)));
        }
        if (u != null) {
            filters.add(Filters.eq("unit", u));
        }
        if (k != null) {
            filters.add(Filters.eq("kind", k.name()));
        }
        if (ent != null) {
            List<String> keys = (t == null ? Arrays.asList(EntityType.values()) : List.of(t)).stream()
                    .map(et -> Keys.entity(et, ent)).toList();
            filters.add(Filters.in("entities", keys));
        } else if (t != null) {
            throw new BadParameterException("type", "needs 'entity'");
        }
        List<FigureItem> items = new ArrayList<>();
        reader.db().getCollection(Collections.FIGURES)
                .find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.orderBy(Sorts.descending("day"), Sorts.ascending("_id")))
                .skip(p * s).limit(s + 1)
                .forEach(d -> items.add(FigureItem.of(d)));
        boolean hasNext = items.size() > s;
        return new Page<>(hasNext ? items.subList(0, s) : items, p, s, hasNext);
    }

    record FigureItem(String id, String article, String day, String subject, String value, String unit, String kind,
                      boolean approximate, String qualifier, String text, Document change) {
        static FigureItem of(Document d) {
            return new FigureItem(d.getString("_id"), d.getString("article"), d.getString("day"), d.getString("subject"),
                    d.getString("valueText"), d.getString("unit"), d.getString("kind"), Boolean.TRUE.equals(d.getBoolean("approximate")),
                    d.getString("qualifier"), d.getString("text"), d.get("change", Document.class));
        }
    }
}
