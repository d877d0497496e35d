package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

class NerFeaturesTest {

    private static final int ORG = NerLabels.typeIndex(EntityType.ORGANIZATION);

    @Test
    void boundsMarkEveryWordAndNameStartingOrEndingAtACharacterNotOnlyTheLongest() {
        char[] text = "在北京大学读书".toCharArray();
        Lexicon words = Lexicon.builder().add("北京", 1).add("北京大学", 1).add("大学", 1).add("读书", 3).build();
        Lexicon names = Lexicon.builder().add("北京大学", 1 << ORG).build();
        int[] b = NerFeatures.bounds(text, new Lexicon[] {names, words}, words);
        // 北 starts words of lengths 2 and 4; 京 ends one of length 2 and sits inside 北京大学; 学 ends lengths 2 and 4
        assertThat(b[2 * 1]).isEqualTo((1 << 0) | (1 << 2));
        assertThat(b[2 * 2]).isEqualTo((1 << 8) | (1 << 16));
        assertThat(b[2 * 4]).isEqualTo((1 << 8) | (1 << 10));
        assertThat(b[2 * 0]).isZero();
        // the organisation name starts at 北 and ends at 学 (the first name lexicon)
        assertThat(b[2 * 1 + 1]).isEqualTo(1 << (ORG * 2));
        assertThat(b[2 * 4 + 1]).isEqualTo(1 << (ORG * 2 + 1));
        assertThat(b[2 * 2 + 1]).isZero();
    }

    @Test
    void boundFeaturesAreExtractedOnlyInFeatureSet64() {
        char[] text = "在北京大学读书".toCharArray();
        Lexicon words = Lexicon.builder().add("北京大学", 1).build();
        long[] out = new long[NerFeatures.MAX_PER_POSITION];
        NerFeatures.Context without = NerFeatures.context(text, new Lexicon[] {words}, null, words, null, NerFeatures.SEGMENT);
        NerFeatures.Context with = NerFeatures.context(text, new Lexicon[] {words}, null, words, null,
                NerFeatures.SEGMENT | NerFeatures.BOUNDS);
        int k0 = NerFeatures.extract(without, null, NerFeatures.SEGMENT, 1, out);
        int k1 = NerFeatures.extract(with, null, NerFeatures.SEGMENT | NerFeatures.BOUNDS, 1, out);
        assertThat(without.bounds()).isNull();
        assertThat(k1).isEqualTo(k0 + 1);
    }
}
