package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.events.EntityType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real OCR'd page in ../shared/samples (skipped when ../shared is absent). */
class JinzhouPageTest {

    @Test
    void tagsNoFalsePersonsAndFindsTheCompanyTheWorkerAndTheTown() throws Exception {
        Path shared = SharedData.shared();
        assumeTrue(shared != null && Files.exists(shared.resolve("samples/jinzhou-daily-page.txt")), "../shared absent");
        String page = Files.readString(shared.resolve("samples/jinzhou-daily-page.txt"));
        List<NerSpan> spans = EntityRecognizers.load().recognize(page);
        List<String> persons = names(page, spans, EntityType.PERSON);
        assertThat(persons).doesNotContain("伏羊节", "伏羊", "陆海新", "南环", "清表");
        assertThat(persons).allSatisfy(p -> assertThat(p).doesNotContain("伏羊", "陆海", "南环", "清表"));
        assertThat(persons).contains("顾宝奎", "崔治");
        List<String> organisations = names(page, spans, EntityType.ORGANIZATION);
        assertThat(organisations).contains("锦州铁工养路设备有限公司");
        // 北镇市组建陆海新运输有限公司运营中心: the model alone leaves out 陆
        assertThat(organisations).anyMatch(o -> o.startsWith("陆海新运输有限公司"))
                .noneMatch(o -> o.startsWith("海新运输"));
        assertThat(names(page, spans, EntityType.LOCATION)).contains("大榆树堡镇");
    }

    private static List<String> names(String text, List<NerSpan> spans, EntityType type) {
        return spans.stream().filter(s -> s.type() == type).map(s -> text.substring(s.start(), s.end())).toList();
    }
}
