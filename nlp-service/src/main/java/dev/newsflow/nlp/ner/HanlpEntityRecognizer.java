package dev.newsflow.nlp.ner;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.List;

/** HanLP's default HMM role tagging (name, place and organisation recognition on): the baseline to beat. */
public final class HanlpEntityRecognizer implements EntityRecognizer {

    private final Segment segment = HanLP.newSegment()
            .enableNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true)
            .enableOffset(true);

    @Override
    public List<NerSpan> recognize(String text) {
        List<NerSpan> spans = new ArrayList<>();
        for (Term term : segment.seg(text)) {
            EntityType type = typeOf(term.nature.toString());
            if (type != null && term.word.length() > 1) {
                spans.add(new NerSpan(term.offset, term.offset + term.length(), type));
            }
        }
        return spans;
    }

    @Override
    public String modelVersion() {
        return "hanlp-portable-1.8.6-hmm";
    }

    static EntityType typeOf(String nature) {
        if (nature.startsWith("nr")) {
            return EntityType.PERSON;
        }
        if (nature.startsWith("ns")) {
            return EntityType.LOCATION;
        }
        if (nature.startsWith("nt")) {
            return EntityType.ORGANIZATION;
        }
        return null;
    }
}
