package dev.newsflow.nlp.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleEnriched.Entity;
import dev.newsflow.events.ArticleEnriched.Region;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.PageLayout;
import dev.newsflow.events.RegionLevel;
import dev.newsflow.nlp.figures.FigureExtractor;
import dev.newsflow.nlp.regions.RegionGazetteer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnricherTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final Enricher enricher = new Enricher(DictionaryRecognizer.jinzhou(), new FigureExtractor(),
            RegionGazetteer.shared(), CLOCK);

    static ArticleSubmitted article(String body) {
        return new ArticleSubmitted(1, null, "标题", body, "jzrb", null, "2022-08-10", "要闻", null,
                Instant.parse("2022-08-10T00:00:00Z"), null);
    }

    @Test
    void aNameRepeatedThousandsOfTimesIsCountedInFullButListsBoundedOffsets() {
        ArticleEnriched out = enricher.enrich(article("崔治".repeat(3000)));
        Entity cui = out.entities().stream().filter(e -> e.text().equals("崔治")).findFirst().orElseThrow();
        assertThat(cui.count()).isEqualTo(3000);
        assertThat(cui.mentions()).hasSize(EntityAssembler.MAX_MENTIONS);
        assertThat(cui.mentions().get(1).start()).isEqualTo(2);
    }

    @Test
    void carriesTheInputFieldsAndProvenance() {
        PageLayout layout = new PageLayout("ARTICLE", "2022-08-10", "A2", null, null, List.of("崔治"), null, null,
                false, null);
        ArticleSubmitted in = new ArticleSubmitted(1, null, "标题", "锦州市发展产业链。", "jzrb", "http://x/1",
                "2022-08-10T08:00:00+08:00", "要闻", null, Instant.parse("2022-08-10T00:00:00Z"), layout);
        ArticleEnriched out = enricher.enrich(in);
        assertThat(out.schemaVersion()).isEqualTo(ArticleEnriched.SCHEMA_VERSION);
        assertThat(out.id()).isEqualTo(in.effectiveId());
        assertThat(out).extracting(ArticleEnriched::title, ArticleEnriched::body, ArticleEnriched::source,
                        ArticleEnriched::url, ArticleEnriched::section, ArticleEnriched::publishedAt,
                        ArticleEnriched::ingestedAt, ArticleEnriched::layout)
                .containsExactly(in.title(), in.body(), in.source(), in.url(), in.section(), in.publishedAt(),
                        in.ingestedAt(), in.layout());
        assertThat(out.provenance().pipelineVersion()).isEqualTo(Enricher.PIPELINE_VERSION);
        assertThat(out.provenance().modelVersion()).isEqualTo("test-dictionary");
        assertThat(out.provenance().enrichedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void groupsShortAndFullPlaceNamesIntoOneEntityWithItsRegionCode() {
        String body = "锦州市多措并举。锦州最美乡村在义县。锦州市总工会表彰顾宝奎。";
        ArticleEnriched out = enricher.enrich(article(body));
        Entity jinzhou = out.entities().stream().filter(e -> e.text().equals("锦州市")).findFirst().orElseThrow();
        assertThat(jinzhou.type()).isEqualTo(EntityType.LOCATION);
        assertThat(jinzhou.count()).isEqualTo(2);
        assertThat(jinzhou.regionCode()).isEqualTo("210700");
        assertThat(jinzhou.mentions()).extracting(m -> body.substring(m.start(), m.end()))
                .containsExactly("锦州市", "锦州");
        assertThat(out.entities()).extracting(Entity::text).contains("义县", "锦州市总工会", "顾宝奎")
                .doesNotContain("锦州");
        assertThat(out.regions()).containsExactly(
                new Region("210700", "锦州市", RegionLevel.CITY, 2),
                new Region("210727", "义县", RegionLevel.COUNTY, 1));
    }

    @Test
    void cutsAPlaceTooLongOnTheLeftBackToTheDivisionItEndsWith() {
        Enricher e = new Enricher(new DictionaryRecognizer().with(EntityType.LOCATION, "东至凌河区", "锦州"),
                new FigureExtractor(), RegionGazetteer.shared(), CLOCK);
        String body = "绕城公路东至凌河区紫荆山,锦州交通更便利。";
        ArticleEnriched out = e.enrich(article(body));
        Entity linghe = out.entities().stream().filter(x -> "210703".equals(x.regionCode())).findFirst().orElseThrow();
        assertThat(linghe.text()).isEqualTo("凌河区");
        assertThat(body.substring(linghe.mentions().get(0).start(), linghe.mentions().get(0).end())).isEqualTo("凌河区");
    }

    @Test
    void offsetsIndexTheSubmittedTextAfterNormalisation() {
        String body = "本本报讯 锦 州 市\n发展。８月９日,锦州市義縣七里河村。";
        ArticleEnriched out = enricher.enrich(article(body));
        for (Entity e : out.entities()) {
            for (ArticleEnriched.Span m : e.mentions()) {
                String original = body.substring(m.start(), m.end()).replace(" ", "");
                assertThat(original.length()).isGreaterThan(0);
            }
        }
        Entity yixian = out.entities().stream().filter(e -> e.text().equals("义县")).findFirst().orElseThrow();
        assertThat(body.substring(yixian.mentions().get(0).start(), yixian.mentions().get(0).end())).isEqualTo("義縣");
    }

    @Test
    void nonChineseTextGetsStatisticsAndLanguageButNoEntities() {
        ArticleEnriched out = enricher.enrich(article(
                "The city of Jinzhou issued loans of 643 million yuan in the first half. Growth was strong."));
        assertThat(out.language()).isEqualTo("en");
        assertThat(out.entities()).isEmpty();
        assertThat(out.figures()).isEmpty();
        assertThat(out.keywords()).isEmpty();
        assertThat(out.stats().characters()).isGreaterThan(50);
        assertThat(out.stats().chineseCharacters()).isZero();
        assertThat(out.stats().sentences()).isEqualTo(2);
    }

    @Test
    void readsPartialDatesAgainstPublicationThenEditionThenGivenDate() {
        ArticleSubmitted noDate = new ArticleSubmitted(1, null, null, "x", null, null, null, null, null, null,
                new PageLayout("ARTICLE", "2021-05-06", null, null, null, null, null, null, false, null));
        assertThat(enricher.referenceDate(noDate, LocalDate.of(2000, 1, 1))).isEqualTo(LocalDate.of(2021, 5, 6));
        assertThat(enricher.referenceDate(article("x"), null)).isEqualTo(LocalDate.of(2022, 8, 10));
        ArticleSubmitted bare = new ArticleSubmitted(1, null, null, "x", null, null, "soon", null, null, null, null);
        assertThat(enricher.referenceDate(bare, LocalDate.of(2000, 1, 1))).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(enricher.referenceDate(bare, null)).isEqualTo(LocalDate.of(2026, 1, 2));
    }
}
