package dev.newsflow.metrics;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleEnriched.Entity;
import dev.newsflow.events.ArticleEnriched.Figure;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.FigureKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds enriched-article events for tests. */
public final class TestArticles {

    private final String id;
    private String day = "2026-11-20";
    private String source = "锦州日报";
    private String section = "要闻";
    private String title;
    private String body = "正文";
    private String model = "m1";
    private Instant enrichedAt = Instant.parse("2026-11-20T10:00:00Z");
    private Instant ingestedAt = Instant.parse("2026-11-20T09:59:59Z");
    private final List<Entity> entities = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<ArticleEnriched.Keyword> keywords = new ArrayList<>();

    private TestArticles(String id) {
        this.id = id;
        this.title = "标题 " + id;
    }

    public static TestArticles article(String id) {
        return new TestArticles(id);
    }

    public TestArticles day(String d) {
        this.day = d;
        return this;
    }

    public TestArticles source(String s) {
        this.source = s;
        return this;
    }

    public TestArticles section(String s) {
        this.section = s;
        return this;
    }

    public TestArticles title(String t) {
        this.title = t;
        return this;
    }

    public TestArticles body(String b) {
        this.body = b;
        return this;
    }

    public TestArticles model(String m, Instant at) {
        this.model = m;
        this.enrichedAt = at;
        return this;
    }

    public TestArticles ingestedAt(Instant at) {
        this.ingestedAt = at;
        return this;
    }

    public TestArticles person(String name) {
        entities.add(new Entity(name, EntityType.PERSON, 1, List.of(), null));
        return this;
    }

    public TestArticles org(String name) {
        entities.add(new Entity(name, EntityType.ORGANIZATION, 1, List.of(), null));
        return this;
    }

    public TestArticles place(String name, String regionCode) {
        entities.add(new Entity(name, EntityType.LOCATION, 2, List.of(), regionCode));
        return this;
    }

    public TestArticles figure(String subject, String value, String unit, FigureKind kind) {
        figures.add(new Figure(value + unit, new BigDecimal(value), unit, kind, false, null, 0, 1, subject,
                new ArticleEnriched.Change("UP", new BigDecimal("12.5"), null, "YEAR_ON_YEAR")));
        return this;
    }

    public TestArticles keyword(String k) {
        keywords.add(new ArticleEnriched.Keyword(k, 0.5));
        return this;
    }

    public ArticleEnriched build() {
        return new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, id, "zh", title, body, source, null, section,
                day, ingestedAt, null, entities, figures, List.of(), keywords, "摘要", List.of(), null,
                new ArticleEnriched.Provenance("p1", model, enrichedAt));
    }
}
