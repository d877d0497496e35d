package dev.newsflow.nlp.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched.Keyword;
import dev.newsflow.events.ArticleEnriched.TextStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsAndSummaryTest {

    private static final String ARTICLE = """
            本报讯 记者崔治报道 义县七里河村不仅是锦州最美乡村,更是全国文明村。村里现有77栋花卉种植大棚,花卉销往全国各地。

            七里河村养殖小区占地15亩,有4栋牛舍,存栏量达500头。村里的肉牛养殖带动村民增收。

            七里河村还把荒山规划建设成花果山,果树栽满山梁,果园成活率高达95%以上。村民生活节节高。

            北 村 100 2022
            """;

    @Test
    void keywordsAreWordsNotSingleCharactersNumbersOrStopwords() {
        List<Keyword> keywords = new KeywordExtractor().extract(ARTICLE, List.of("七里河村"), 10);
        assertThat(keywords).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(keywords).extracting(Keyword::text)
                .allSatisfy(k -> assertThat(k).hasSizeGreaterThan(1).doesNotContainPattern("\\d"))
                .doesNotContain("记者", "本报讯", "北", "村", "的", "今年")
                .contains("七里河村");
        assertThat(keywords.get(0).score()).isEqualTo(1.0);
        assertThat(keywords).extracting(Keyword::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void summaryTakesTwoOrThreeFinishedSentencesWithoutTheDateline() {
        List<Keyword> keywords = new KeywordExtractor().extract(ARTICLE, List.of("七里河村"), 10);
        String summary = new Summarizer().summarize(ARTICLE, keywords);
        assertThat(summary).doesNotStartWith("本报讯").doesNotContain("记者崔治报道").doesNotContain("北 村");
        long sentences = summary.chars().filter(c -> c == '。').count();
        assertThat(sentences).isBetween(2L, 3L);
        assertThat(ARTICLE.replace("本报讯 记者崔治报道 ", "")).contains(summary.substring(0, 10));
    }

    @Test
    void summaryOfTextWithoutSentencesIsEmpty() {
        assertThat(new Summarizer().summarize("  \n ", List.of())).isEmpty();
    }

    @Test
    void countsCharactersSentencesParagraphsAndReadingTime() {
        TextStats stats = new TextStatistics().compute(ARTICLE, ARTICLE);
        assertThat(stats.paragraphs()).isEqualTo(4);
        assertThat(stats.sentences()).isEqualTo(7);
        int han = (int) ARTICLE.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        assertThat(stats.chineseCharacters()).isEqualTo(han);
        assertThat(stats.characters()).isEqualTo((int) ARTICLE.codePoints().filter(c -> !Character.isWhitespace(c)).count());
        // han chars at 400/min plus a handful of words at 200/min
        assertThat(stats.readingTimeSeconds()).isBetween(han * 60 / 400, han * 60 / 400 + 5);
    }

    @Test
    void paragraphsAreLinesWhenTheTextHasNoBlankLine() {
        assertThat(TextStatistics.paragraphs("第一段。\n第二段。\n第三段。")).isEqualTo(3);
        assertThat(TextStatistics.paragraphs("第一段\n续。\n\n第二段。")).isEqualTo(2);
    }

    @Test
    void splitsSentencesKeepingClosingQuotes() {
        assertThat(Sentences.split("他说:“我们村富了。”村民笑了!还有呢？ Yes. 好"))
                .extracting(Sentences.Sentence::text)
                .containsExactly("他说:“我们村富了。”", "村民笑了!", "还有呢？", "Yes.", "好");
    }
}
