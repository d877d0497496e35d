package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerceptronEntityRecognizerTest {

    private final EntityRecognizer recognizer = EntityRecognizers.load();

    private static String text(String s, NerSpan span) {
        return s.substring(span.start(), span.end());
    }

    private List<String> found(String s, EntityType type) {
        return recognizer.recognize(s).stream().filter(x -> x.type() == type).map(x -> text(s, x)).toList();
    }

    @Test
    void loadsTheTrainedModelOnceAndSharesIt() {
        assertThat(recognizer).isInstanceOf(PerceptronEntityRecognizer.class);
        assertThat(EntityRecognizers.load()).isSameAs(recognizer);
        assertThat(recognizer.modelVersion()).startsWith("newsflow-ner-perceptron");
    }

    @Test
    void findsPersonPlaceAndOrganisationInANewsSentence() {
        String s = "昨天,沈阳市副市长王建国带队到辽宁大学调研高校毕业生就业工作。";
        assertThat(found(s, EntityType.PERSON)).containsExactly("王建国");
        assertThat(found(s, EntityType.LOCATION)).containsExactly("沈阳市");
        assertThat(found(s, EntityType.ORGANIZATION)).containsExactly("辽宁大学");
    }

    @Test
    void offsetsPointIntoTheTextAsGivenEvenWithFullWidthCharacters() {
        String s = "２０２２年，张海燕在大连市创办了一家科技公司。";
        List<NerSpan> spans = recognizer.recognize(s);
        assertThat(spans).extracting(x -> text(s, x)).contains("张海燕", "大连市");
    }

    @Test
    void reporterBylinesArePersons() {
        String s = "本报讯 记者刘晓梅报道 近日,全市秋粮收购工作全面展开。";
        assertThat(found(s, EntityType.PERSON)).containsExactly("刘晓梅");
        String t = "本报记者 崔治 撰";
        assertThat(found(t, EntityType.PERSON)).containsExactly("崔治");
    }

    @Test
    void aReporterWhoIsToldSomethingIsNotAByline() {
        assertThat(EntityRules.bylines(NerText.normalize("村党支部书记向记者介绍道。"))).isEmpty();
        assertThat(EntityRules.bylines(NerText.normalize("记者在锦州港看到"))).isEmpty();
    }

    @Test
    void textWithoutNamesGivesNoEntities() {
        assertThat(recognizer.recognize("今年上半年,全市粮食产量同比增长百分之五。")).isEmpty();
        assertThat(recognizer.recognize("")).isEmpty();
        assertThat(recognizer.recognize("1234567890 ,.;")).isEmpty();
    }

    @Test
    void longArticlesAreCutIntoSentencesWithoutLosingOffsets() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("市委书记张建华在杭州市调研,");
        }
        sb.append("最后一句提到了广州市。");
        String s = sb.toString();
        List<NerSpan> spans = recognizer.recognize(s);
        assertThat(spans).allSatisfy(x -> assertThat(x.end()).isLessThanOrEqualTo(s.length()));
        assertThat(spans).extracting(x -> text(s, x)).contains("广州市", "张建华");
    }
}
