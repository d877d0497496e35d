package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRulesTest {

    @Test
    void aPersonWhoseNameOccursInsideAnOrganisationElsewhereIsDropped() {
        String text = "东北陆海新通道建设,组建陆海新运输有限公司。王建国说。";
        List<NerSpan> spans = List.of(
                new NerSpan(2, 5, EntityType.PERSON),              // 陆海新 (a route, not a person)
                new NerSpan(13, 21, EntityType.ORGANIZATION),      // 海新运输有限公司 (cut short by the model)
                new NerSpan(22, 25, EntityType.PERSON));           // 王建国
        List<NerSpan> kept = EntityRules.dropPersonsThatBeginOrganisations(text.toCharArray(), spans);
        assertThat(kept).extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("海新运输有限公司", "王建国");
    }

    @Test
    void aCompanyCutAfterItsFirstCharacterGetsItBackWhenTheCharacterStandsAloneAfterAWord() {
        String text = "北镇市组建陆海新运输有限公司运营中心";
        Lexicon words = Lexicon.builder().add("组建", 3).build();
        List<NerSpan> spans = List.of(
                new NerSpan(0, 3, EntityType.LOCATION),            // 北镇市
                new NerSpan(6, 18, EntityType.ORGANIZATION));      // 海新运输有限公司运营中心 (陆 left out by the model)
        assertThat(EntityRules.organisationsWithTheirFirstCharacter(text.toCharArray(), spans, words))
                .extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("北镇市", "陆海新运输有限公司运营中心");
    }

    @Test
    void aCompanyIsNotExtendedOverAVerbOrAFunctionWord() {
        String text = "西单商场请海尔集团空调有限公司高级工程师讲解,启动了海新运输有限公司";
        Lexicon words = Lexicon.builder().add("商场", 5).build();
        List<NerSpan> spans = List.of(
                new NerSpan(0, 4, EntityType.LOCATION),            // 西单商场
                new NerSpan(5, 15, EntityType.ORGANIZATION),       // 海尔集团空调有限公司 (请 is the verb before it)
                new NerSpan(26, 34, EntityType.ORGANIZATION));     // 海新运输有限公司 (after 了)
        assertThat(EntityRules.organisationsWithTheirFirstCharacter(text.toCharArray(), spans, words)).isEqualTo(spans);
    }

    @Test
    void aCompanyTakesTheCharactersThatALongerMentionOfItHasBeforeIt() {
        String text = "成立了北镇市陆海新运输有限公司,并启动了陆海新运输有限公司总部运营中心";
        List<NerSpan> spans = List.of(
                new NerSpan(3, 15, EntityType.ORGANIZATION),       // 北镇市陆海新运输有限公司
                new NerSpan(21, 35, EntityType.ORGANIZATION));     // 海新运输有限公司总部运营中心
        assertThat(EntityRules.organisationsWithTheirFirstCharacter(text.toCharArray(), spans, null))
                .extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("北镇市陆海新运输有限公司", "陆海新运输有限公司总部运营中心");
    }

    @Test
    void aPlaceBeforeAWordEndingIn局StaysAPlaceWhileAPlaceBeforeABureauBecomesOne() {
        String text = "东亚政局稳定,海淀分局和凌海市公安局";
        Lexicon words = Lexicon.builder().add("政局", 5).add("分局", 5).add("稳定", 3).build();
        List<NerSpan> spans = List.of(
                new NerSpan(0, 2, EntityType.LOCATION),            // 东亚
                new NerSpan(7, 9, EntityType.LOCATION),            // 海淀
                new NerSpan(12, 15, EntityType.LOCATION));         // 凌海市
        assertThat(EntityRules.placesWithOrganisationSuffixes(text.toCharArray(), spans, words))
                .extracting(s -> s.type() + " " + text.substring(s.start(), s.end()))
                .containsExactly("LOCATION 东亚", "ORGANIZATION 海淀分局", "ORGANIZATION 凌海市公安局");
    }

    @Test
    void aNameBegunOnAPrepositionLosesItButANameBeginningWithAWordKeepsIt() {
        String text = "领导也跟人大常委会打招呼,向阳区和平街";
        Lexicon words = Lexicon.builder().add("人大", 5).add("向阳", 5).add("和平", 5).add("打招呼", 3).build();
        List<NerSpan> spans = List.of(
                new NerSpan(3, 9, EntityType.ORGANIZATION),        // 跟人大常委会
                new NerSpan(13, 16, EntityType.LOCATION),          // 向阳区
                new NerSpan(16, 19, EntityType.LOCATION));         // 和平街
        assertThat(EntityRules.withoutLeadingFunctionCharacters(text.toCharArray(), spans, words))
                .extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("人大常委会", "向阳区", "和平街");
    }
}
