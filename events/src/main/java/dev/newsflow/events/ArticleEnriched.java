package dev.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An enriched article: the {@code analyze} output and the body of {@link Topics#ARTICLES_ENRICHED}
 * (key = {@code id}). Offsets index the submitted {@code body} (Java {@code String}, UTF-16), end exclusive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleEnriched(
        int schemaVersion,
        String id,
        String language,
        String title,
        String body,
        String source,
        String url,
        String section,
        String publishedAt,
        Instant ingestedAt,
        PageLayout layout,
        List<Entity> entities,
        List<Figure> figures,
        List<DateMention> dates,
        List<Keyword> keywords,
        String summary,
        List<Region> regions,
        TextStats stats,
        Provenance provenance) {

    public static final int SCHEMA_VERSION = 1;

    public ArticleEnriched {
        entities = entities == null ? List.of() : List.copyOf(entities);
        figures = figures == null ? List.of() : List.copyOf(figures);
        dates = dates == null ? List.of() : List.copyOf(dates);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public record Span(int start, int end) {
    }

    /** One real-world name with all its mentions; {@code regionCode} when it is an administrative division. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entity(String text, EntityType type, int count, List<Span> mentions, String regionCode) {
        public Entity {
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    /**
     * A numeric fact. {@code value} has the magnitude applied (6.43亿元 → 643000000); money carries an
     * ISO 4217 {@code unit}, percentages "%", percentage points "pp", other quantities the unit as written.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(String text, BigDecimal value, String unit, FigureKind kind, boolean approximate,
                         String qualifier, int start, int end, String subject, Change change) {
        public Figure {
            if (value != null) {
                value = value.stripTrailingZeros();
                if (value.scale() < 0) {
                    value = value.setScale(0);
                }
            }
        }
    }

    /** A change attached to a figure: 同比增长124.83% → UP, 124.83, YEAR_ON_YEAR. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String direction, BigDecimal percent, BigDecimal points, String basis) {
    }

    /** A date or period; {@code value} is ISO-8601 as precise as the text (2022, 2022-08, 2022-08-09, 2022-Q1...). */
    public record DateMention(String text, String value, int start, int end) {
    }

    public record Keyword(String text, double score) {
    }

    public record Region(String code, String name, RegionLevel level, int mentions) {
    }

    public record TextStats(int characters, int chineseCharacters, int sentences, int paragraphs,
                            int readingTimeSeconds) {
    }

    public record Provenance(String pipelineVersion, String modelVersion, Instant enrichedAt) {
    }
}
