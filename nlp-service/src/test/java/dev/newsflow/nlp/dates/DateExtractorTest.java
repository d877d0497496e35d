package dev.newsflow.nlp.dates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched.DateMention;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateExtractorTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2022, 8, 10);
    private final DateExtractor dates = new DateExtractor();

    private List<DateMention> in(String text) {
        return dates.extract(text, PUBLISHED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2022年8月9日    | 2022-08-09
            2022年8月       | 2022-08
            2022年          | 2022
            二〇二二年       | 2022
            2021-03-04      | 2021-03-04
            8月9日          | 2022-08-09
            八月九日         | 2022-08-09
            十二月三十一日    | 2022-12-31
            9日             | 2022-08-09
            6月             | 2022-06
            今年6月          | 2022-06
            今年            | 2022
            去年            | 2021
            明年            | 2023
            上半年          | 2022-01-01/2022-06-30
            去年下半年       | 2021-07-01/2021-12-31
            一季度          | 2022-Q1
            2021年第三季度    | 2021-Q3
            前三季度         | 2022-01-01/2022-09-30
            9月中旬          | 2022-09-11/2022-09-20
            9月初            | 2022-09-01/2022-09-10
            10月底           | 2022-10-21/2022-10-31
            2月下旬          | 2022-02-21/2022-02-28
            年底            | 2022-12
            昨日            | 2022-08-09
            """)
    void readsDatesAndPeriodsAsPreciselyAsWritten(String text, String value) {
        List<DateMention> found = in("据悉," + text + ",工作推进。");
        assertThat(found).extracting(DateMention::text, DateMention::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(text, value));
        assertThat(found.get(0).start()).isEqualTo(3);
    }

    @Test
    void aBareYearBeforeANameIsADate() {
        assertThat(in("近日,2022锦州义县民俗文化(伏羊)节在义县开幕。"))
                .extracting(DateMention::text, DateMention::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2022", "2022"));
    }

    @Test
    void durationsOrdinalsAndNumbersAreNotDates() {
        assertThat(in("7年来,锦州市收到2022个项目,第2022届,90后高晴,共3个月,增长124.83%,6.43亿元,14552平方米。"))
                .isEmpty();
    }

    @Test
    void findsEveryDateOfASentenceWithOffsets() {
        String text = "计划9月初开始路面施工,9月中旬开始水稳摊铺施工,10月底完成所有桥梁下部施工。";
        List<DateMention> found = in(text);
        assertThat(found).extracting(DateMention::value)
                .containsExactly("2022-09-01/2022-09-10", "2022-09-11/2022-09-20", "2022-10-21/2022-10-31");
        for (DateMention d : found) {
            assertThat(text.substring(d.start(), d.end())).isEqualTo(d.text());
        }
    }

    @Test
    void aMonthLongAfterTheReferenceIsLastYears() {
        assertThat(dates.extract("12月30日", LocalDate.of(2023, 1, 5))).extracting(DateMention::value)
                .containsExactly("2022-12-30");
    }
}
