package dev.newsflow.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void convertsFullWidthFormsOneForOne() {
        NormalizedText t = normalizer.normalize("增长１２４．８３％，ＧＤＰ（一季度）");
        assertThat(t.normalized()).isEqualTo("增长124.83%,GDP(一季度)");
        assertThat(t.originalText(2, 9)).isEqualTo("１２４．８３％");
    }

    @Test
    void convertsTraditionalToSimplifiedCharForChar() {
        NormalizedText t = normalizer.normalize("錦州市義縣經濟發展");
        assertThat(t.normalized()).isEqualTo("锦州市义县经济发展");
        assertThat(t.originalText(3, 5)).isEqualTo("義縣");
    }

    @Test
    void dropsTheDoubledCharacterOfBenbenbao() {
        NormalizedText t = normalizer.normalize("本本报记者 崔治 撰");
        assertThat(t.normalized()).isEqualTo("本报记者 崔治 撰");
        assertThat(t.originalText(0, 2)).isEqualTo("本报");
        assertThat(t.originalText(5, 7)).isEqualTo("崔治");
    }

    @Test
    void dropsSpacesOfLetterSpacedWordsOnly() {
        NormalizedText t = normalizer.normalize("锦 州 市 发展,本报记者 崔治 撰");
        assertThat(t.normalized()).isEqualTo("锦州市 发展,本报记者 崔治 撰");
        assertThat(t.originalText(0, 3)).isEqualTo("锦 州 市");
    }

    @Test
    void joinsLinesBrokenMidSentence() {
        String text = "锦州市构建了由分管副市长任产业专班班长,主管部门任\n\n产业链“链长”。计划10\n\n月底完成。\n\n七里河村花香牛壮生态美\n\n大棚里鲜花怒放";
        NormalizedText t = normalizer.normalize(text);
        assertThat(t.normalized()).contains("主管部门任产业链").contains("10月底完成")
                .contains("。\n\n七里河村花香牛壮生态美\n\n大棚里");
        int i = t.normalized().indexOf("任产业链");
        assertThat(t.originalText(i, i + 4)).isEqualTo("任\n\n产业链");
    }

    @Test
    void mapsEverySpanBackToTheOriginalCharacters() {
        String text = "本本报讯 錦 州 市\n發展１０万吨。\n\n下一段落";
        NormalizedText t = normalizer.normalize(text);
        for (int s = 0; s < t.normalized().length(); s++) {
            for (int e = s + 1; e <= t.normalized().length(); e++) {
                String original = t.originalText(s, e);
                String squeezed = original.replaceAll("\\s+", "");
                String expected = t.normalized().substring(s, e).replaceAll("\\s+", "");
                String renormalized = normalizer.normalize(squeezed).normalized().replaceAll("\\s+", "");
                assertThat(renormalized).as("span %d..%d", s, e).isEqualTo(expected);
            }
        }
    }

    @Test
    void leavesEmptyAndPlainTextAlone() {
        assertThat(normalizer.normalize("").normalized()).isEmpty();
        assertThat(normalizer.normalize(null).normalized()).isEmpty();
        assertThat(normalizer.normalize("plain text").normalized()).isEqualTo("plain text");
    }
}
