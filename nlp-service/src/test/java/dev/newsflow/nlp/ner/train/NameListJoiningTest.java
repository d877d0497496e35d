package dev.newsflow.nlp.ner.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import dev.newsflow.nlp.ner.NerCorpus.Sentence;
import dev.newsflow.nlp.ner.NerSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameListJoiningTest {

    private static final EntityType PER = EntityType.PERSON;

    @Test
    void removesTheSeparatorBetweenAdjacentPersonsAndShiftsTheOffsets() {
        Sentence s = new Sentence("出席的有李鹏、乔石、朱镕基和北京市、天津市代表。", List.of(
                new NerSpan(4, 6, PER), new NerSpan(7, 9, PER), new NerSpan(10, 13, PER),
                new NerSpan(14, 17, EntityType.LOCATION), new NerSpan(18, 21, EntityType.LOCATION)));
        Sentence joined = NerTrainer.joinNameList(s);
        assertThat(joined.text()).isEqualTo("出席的有李鹏乔石朱镕基和北京市、天津市代表。");
        assertThat(joined.spans()).extracting(x -> joined.text().substring(x.start(), x.end()))
                .containsExactly("李鹏", "乔石", "朱镕基", "北京市", "天津市");
    }

    @Test
    void sentencesWithoutAPersonListGetNoCopyAndCopiesFollowTheirOriginal() {
        Sentence plain = new Sentence("李鹏会见了客人。", List.of(new NerSpan(0, 2, PER)));
        Sentence list = new Sentence("李鹏、乔石", List.of(new NerSpan(0, 2, PER), new NerSpan(3, 5, PER)));
        assertThat(NerTrainer.joinNameList(plain)).isNull();
        assertThat(NerTrainer.withJoinedNameLists(List.of(plain, list, plain))).extracting(Sentence::text)
                .containsExactly("李鹏会见了客人。", "李鹏、乔石", "李鹏乔石", "李鹏会见了客人。");
    }
}
