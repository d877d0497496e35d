package dev.newsflow.nlp.enrich;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleEnriched.DateMention;
import dev.newsflow.events.ArticleEnriched.Figure;
import dev.newsflow.events.ArticleEnriched.Keyword;
import dev.newsflow.events.ArticleEnriched.Provenance;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.nlp.dates.DateExtractor;
import dev.newsflow.nlp.figures.FigureExtractor;
import dev.newsflow.nlp.keywords.KeywordExtractor;
import dev.newsflow.nlp.keywords.Summarizer;
import dev.newsflow.nlp.keywords.TextStatistics;
import dev.newsflow.nlp.ner.EntityRecognizer;
import dev.newsflow.nlp.ner.EntityRecognizers;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.nlp.regions.RegionGazetteer;
import dev.newsflow.nlp.text.LanguageDetector;
import dev.newsflow.nlp.text.NormalizedText;
import dev.newsflow.nlp.text.TextNormalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enrichment pipeline: {@link ArticleSubmitted} in, {@link ArticleEnriched} out. Normalises the body (keeping
 * the way back to its offsets), detects the language and, for Chinese, finds entities (the injected
 * {@link EntityRecognizer}; single-character names are dropped), figures, dates, regions and keywords; every text gets statistics and, when it has
 * sentences, a summary. All offsets index the body as submitted. Plain Java, thread-safe, no I/O.
 */
public final class Enricher {

    /** Bumped whenever a change alters the output for the same input. */
    public static final String PIPELINE_VERSION = "0.1.0";
    /** Dates without a year are read in the newsroom's time zone. */
    public static final ZoneId NEWSROOM_ZONE = ZoneId.of("Asia/Shanghai");
    static final int KEYWORDS = 10;
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

    private final EntityRecognizer recognizer;
    private final FigureExtractor figures;
    private final Clock clock;
    private static final TextNormalizer TEXT_NORMALIZER = new TextNormalizer();
    private final TextNormalizer normalizer = TEXT_NORMALIZER;
    private final LanguageDetector languages = new LanguageDetector();
    private final DateExtractor dates = new DateExtractor();
    private final KeywordExtractor keywords = new KeywordExtractor();
    private final Summarizer summarizer = new Summarizer();
    private final TextStatistics statistics = new TextStatistics();
    private final EntityAssembler assembler;

    public Enricher(EntityRecognizer recognizer, FigureExtractor figures, RegionGazetteer gazetteer, Clock clock) {
        this.recognizer = Objects.requireNonNull(recognizer);
        this.figures = Objects.requireNonNull(figures);
        this.clock = Objects.requireNonNull(clock);
        this.assembler = new EntityAssembler(gazetteer);
    }

    /** The pipeline with the best entity recognizer this build has ({@link EntityRecognizers#load()}). */
    public static Enricher createDefault(Clock clock) {
        return new Enricher(EntityRecognizers.load(), new FigureExtractor(), RegionGazetteer.shared(), clock);
    }

    public String modelVersion() {
        return recognizer.modelVersion();
    }

    public ArticleEnriched enrich(ArticleSubmitted article) {
        return enrich(article, null);
    }

    /**
     * @param reference the date partial dates (8月9日, 今年) are read against when the article has neither a
     *                  publication date nor an edition date; today when null
     */
    public ArticleEnriched enrich(ArticleSubmitted article, LocalDate reference) {
        String body = article.body() == null ? "" : article.body();
        NormalizedText text = normalizer.normalize(body);
        String normalized = text.normalized();
        String language = languages.detect(body);
        boolean chinese = LanguageDetector.isChinese(language);

        List<ArticleEnriched.Entity> entityList = List.of();
        List<ArticleEnriched.Region> regionList = List.of();
        List<Figure> figureList = List.of();
        List<DateMention> dateList = List.of();
        List<Keyword> keywordList = List.of();
        if (chinese) {
            List<NerSpan> spans = recognizer.recognize(normalized).stream()
                    .filter(s -> s.end() <= normalized.length() && s.end() - s.start() > 1)
                    .toList();
            EntityAssembler.Assembly assembly = assembler.assemble(text, spans);
            entityList = assembly.entities();
            regionList = assembly.regions();
            List<DateMention> found = dates.extract(normalized, referenceDate(article, reference));
            dateList = found.stream()
                    .map(d -> new DateMention(d.text(), d.value(), text.originalStart(d.start()), text.originalEnd(d.end())))
                    .toList();
            figureList = figures.extract(normalized).stream()
                    .filter(f -> found.stream().noneMatch(d -> d.start() < f.end() && f.start() < d.end()))
                    .map(f -> new Figure(f.text(), f.value(), f.unit(), f.kind(), f.approximate(), f.qualifier(),
                            text.originalStart(f.start()), text.originalEnd(f.end()), f.subject(), f.change()))
                    .toList();
            List<String> names = entityList.stream().map(ArticleEnriched.Entity::text).toList();
            keywordList = canonical(keywords.extract(normalized, names, KEYWORDS + 5), entityList, text);
        }
        String summary = summarizer.summarize(normalized, keywordList);
        return new ArticleEnriched(
                ArticleEnriched.SCHEMA_VERSION,
                article.effectiveId(),
                language,
                article.title(),
                article.body(),
                article.source(),
                article.url(),
                article.section(),
                article.publishedAt(),
                article.ingestedAt(),
                article.layout(),
                entityList,
                figureList,
                dateList,
                keywordList,
                summary,
                regionList,
                statistics.compute(body, normalized),
                new Provenance(PIPELINE_VERSION, recognizer.modelVersion(), clock.instant()));
    }

    /** Keywords that are another mention of a place (锦州 for 锦州市) become that place's name, counted once. */
    private static List<Keyword> canonical(List<Keyword> found, List<ArticleEnriched.Entity> entities,
                                           NormalizedText text) {
        Map<String, String> aliases = new HashMap<>();
        for (ArticleEnriched.Entity e : entities) {
            if (e.regionCode() != null) {
                for (ArticleEnriched.Span m : e.mentions()) {
                    aliases.putIfAbsent(TEXT_NORMALIZER.normalize(text.original().substring(m.start(), m.end()))
                            .normalized().strip(), e.text());
                }
            }
        }
        Map<String, Keyword> merged = new LinkedHashMap<>();
        for (Keyword k : found) {
            String name = aliases.getOrDefault(k.text(), k.text());
            merged.putIfAbsent(name, new Keyword(name, k.score()));
        }
        return merged.values().stream().limit(KEYWORDS).toList();
    }

    /** publishedAt, else the edition date of the page, else {@code fallback}, else today in the newsroom. */
    LocalDate referenceDate(ArticleSubmitted article, LocalDate fallback) {
        LocalDate published = parseDate(article.publishedAt());
        if (published != null) {
            return published;
        }
        LocalDate edition = article.layout() == null ? null : parseDate(article.layout().edition());
        if (edition != null) {
            return edition;
        }
        return fallback != null ? fallback : LocalDate.now(clock.withZone(NEWSROOM_ZONE));
    }

    static LocalDate parseDate(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(value.strip());
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

}
