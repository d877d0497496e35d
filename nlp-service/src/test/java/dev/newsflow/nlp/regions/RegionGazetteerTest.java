package dev.newsflow.nlp.regions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.RegionLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionGazetteerTest {

    private final RegionGazetteer gazetteer = RegionGazetteer.shared();

    @Test
    void resolvesCityByFullAndShortName() {
        assertThat(gazetteer.resolve("锦州市")).get().extracting(Division::code, Division::level)
                .containsExactly("210700", RegionLevel.CITY);
        assertThat(gazetteer.resolve("锦州")).get().extracting(Division::code).isEqualTo("210700");
    }

    @Test
    void resolvesCountyAndProvince() {
        assertThat(gazetteer.resolve("义县")).get().extracting(Division::code, Division::level)
                .containsExactly("210727", RegionLevel.COUNTY);
        assertThat(gazetteer.resolve("辽宁省")).get().extracting(Division::code).isEqualTo("210000");
        assertThat(gazetteer.resolve("辽宁")).get().extracting(Division::code).isEqualTo("210000");
        assertThat(gazetteer.resolve("内蒙古")).get().extracting(Division::code).isEqualTo("150000");
        assertThat(gazetteer.resolve("广西")).get().extracting(Division::code).isEqualTo("450000");
    }

    @Test
    void resolvesTownsByFullName() {
        Division town = gazetteer.resolve("大榆树堡镇").orElseThrow();
        assertThat(town.level()).isEqualTo(RegionLevel.TOWN);
        assertThat(town.parentCode()).isEqualTo("210727");
        assertThat(gazetteer.contains("210700", town.code())).isTrue();
    }

    @Test
    void resolvesShortCountyNamesAndCommonTownNamesOnlyInsideAMentionedDivision() {
        assertThat(gazetteer.resolve("西山")).isEmpty();
        assertThat(gazetteer.resolve("黑山")).isEmpty();
        assertThat(gazetteer.resolveAll(List.of("锦州", "黑山")).get("黑山").code()).isEqualTo("210726");
        assertThat(gazetteer.resolve("牛场")).isEmpty();
        assertThat(gazetteer.resolve("大凌河")).isEmpty();
        assertThat(gazetteer.resolveAll(List.of("义县", "七里河镇")).get("七里河镇").code()).startsWith("210727");
    }

    @Test
    void prefersHigherLevelWhenNothingElseDecides() {
        // 吉林: the province and the city
        assertThat(gazetteer.resolve("吉林")).get().extracting(Division::level).isEqualTo(RegionLevel.PROVINCE);
    }

    @Test
    void prefersTheCandidateInsideAnotherMentionedDivision() {
        // 朝阳区 exists in 北京 and in 长春
        assertThat(gazetteer.resolve("朝阳区")).isEmpty();
        Map<String, Division> withBeijing = gazetteer.resolveAll(List.of("北京", "朝阳区"));
        assertThat(withBeijing.get("朝阳区").code()).startsWith("1101");
        Map<String, Division> withChangchun = gazetteer.resolveAll(List.of("长春市", "朝阳区"));
        assertThat(withChangchun.get("朝阳区").code()).startsWith("2201");
        Map<String, Division> withLiaoning = gazetteer.resolveAll(List.of("辽宁", "朝阳"));
        assertThat(withLiaoning.get("朝阳").code()).isEqualTo("211300");
    }

    @Test
    void resolvesChainsToTheirLastLink() {
        assertThat(gazetteer.resolve("辽宁省锦州市义县")).get().extracting(Division::code).isEqualTo("210727");
        assertThat(gazetteer.resolve("锦州市义县")).get().extracting(Division::code).isEqualTo("210727");
    }

    @Test
    void ignoresNamesThatAreNoDivision() {
        assertThat(gazetteer.resolve("伏羊节")).isEmpty();
        assertThat(gazetteer.resolve("北")).isEmpty();
        assertThat(gazetteer.resolve("")).isEmpty();
    }
}
