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
}
