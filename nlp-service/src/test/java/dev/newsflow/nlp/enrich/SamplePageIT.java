package dev.newsflow.nlp.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleEnriched.DateMention;
import dev.newsflow.events.ArticleEnriched.Entity;
import dev.newsflow.events.ArticleEnriched.Figure;
import dev.newsflow.events.ArticleEnriched.Span;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.events.EntityType;
import dev.newsflow.nlp.regions.RegionGazetteer;
import dev.newsflow.nlp.text.TextNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/** The real pipeline (trained entity model included) on the real OCR'd page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplePageIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-08-10T02:00:00Z"), ZoneOffset.UTC);
    private final TextNormalizer normalizer = new TextNormalizer();
    private String page;
    private Enricher enricher;
    private ArticleEnriched result;

    @BeforeAll
    void enrichThePage() {
        page = SamplePages.jinzhou().orElse(null);
        assumeTrue(page != null, "../shared/samples/jinzhou-daily-page.txt not available");
        enricher = Enricher.createDefault(CLOCK);
        result = enricher.enrich(article(page));
    }

    private static ArticleSubmitted article(String body) {
        return new ArticleSubmitted(1, null, null, body, "jzrb", null, "2022-08-10", null, null, null, null);
    }

    private String normalizedOriginal(int start, int end) {
        return normalizer.normalize(page.substring(start, end)).normalized().replaceAll("\\s+", "");
    }

    @Test
    void everyEntityMentionPointsAtItsNameInTheSubmittedText() {
        assertThat(result.entities()).isNotEmpty();
        for (Entity e : result.entities()) {
            assertThat(e.count()).isEqualTo(e.mentions().size());
            for (Span m : e.mentions()) {
                String mention = normalizedOriginal(m.start(), m.end());
                if (e.regionCode() == null) {
                    assertThat(mention).as("mention of %s at %d", e.text(), m.start())
                            .isEqualTo(e.text().replaceAll("\\s+", ""));
                } else {
                    assertThat(mention.endsWith(e.text()) || e.text().startsWith(mention))
                            .as("mention %s of division %s", mention, e.text()).isTrue();
                }
            }
        }
    }

    @Test
    void everyFigureAndDatePointsAtItsTextInTheSubmittedText() {
        for (Figure f : result.figures()) {
            assertThat(normalizedOriginal(f.start(), f.end())).as("figure at %d", f.start())
                    .isEqualTo(f.text().replaceAll("\\s+", ""));
        }
        assertThat(result.dates()).isNotEmpty();
        for (DateMention d : result.dates()) {
            assertThat(normalizedOriginal(d.start(), d.end())).as("date at %d", d.start())
                    .isEqualTo(d.text().replaceAll("\\s+", ""));
        }
        for (Figure f : result.figures()) {
            assertThat(result.dates()).noneMatch(d -> d.start() < f.end() && f.start() < d.end());
        }
    }

    @Test
    void findsTheRegionsDatesAndKeywordsOfThePage() {
        assertThat(result.language()).isEqualTo("zh");
        assertThat(result.regions()).extracting(ArticleEnriched.Region::code)
                .contains("210700", "210727", "210726", "210781", "210782");
        assertThat(result.entities()).filteredOn(e -> e.text().equals("锦州市")).singleElement()
                .satisfies(e -> assertThat(e.regionCode()).isEqualTo("210700"));
        assertThat(result.dates()).extracting(DateMention::text, DateMention::value)
                .contains(org.assertj.core.groups.Tuple.tuple("8月9日", "2022-08-09"),
                        org.assertj.core.groups.Tuple.tuple("上半年", "2022-01-01/2022-06-30"),
                        org.assertj.core.groups.Tuple.tuple("2022", "2022"));
        assertThat(result.keywords()).hasSizeBetween(5, 10)
                .allSatisfy(k -> assertThat(k.text()).hasSizeGreaterThan(1).doesNotContainPattern("\\d"));
        assertThat(result.summary()).isNotBlank().doesNotContain("\n");
        assertThat(result.stats().chineseCharacters()).isGreaterThan(4000);
        assertThat(result.stats().readingTimeSeconds()).isBetween(600, 800);
        assertThat(result.entities()).filteredOn(e -> e.type() == EntityType.PERSON)
                .extracting(Entity::text).doesNotContain("伏羊节", "陆海新", "南环", "清表");
    }

    @Test
    void serialisesToJsonAndBack() {
        JsonMapper json = JsonMapper.builder().build();
        ArticleEnriched back = json.readValue(json.writeValueAsString(result), ArticleEnriched.class);
        assertThat(back).isEqualTo(result);
    }

    @Test
    void manyThreadsGiveTheSameResultsAsOne() throws Exception {
        List<String> pieces = SamplePages.pieces(page, 400);
        assertThat(pieces).hasSizeGreaterThan(8);
        List<ArticleEnriched> sequential = new ArrayList<>();
        for (String piece : pieces) {
            sequential.add(enricher.enrich(article(piece)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<ArticleEnriched>> futures = new ArrayList<>();
                for (int i = pieces.size() - 1; i >= 0; i--) {
                    String piece = pieces.get(i);
                    futures.add(pool.submit(() -> enricher.enrich(article(piece))));
                }
                for (int i = 0; i < pieces.size(); i++) {
                    assertThat(futures.get(i).get(60, TimeUnit.SECONDS))
                            .isEqualTo(sequential.get(pieces.size() - 1 - i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void regionsOfThePageResolveInTheGazetteer() {
        RegionGazetteer gazetteer = RegionGazetteer.shared();
        for (ArticleEnriched.Region r : result.regions()) {
            assertThat(gazetteer.byCode(r.code())).get().satisfies(d -> assertThat(d.name()).isEqualTo(r.name()));
        }
    }
}
