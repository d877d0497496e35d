package dev.newsflow.ingest.page;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * Whether two pieces of text read as one word across their junction (辅导教 | 师 → 教师): a column break inside a
 * word, not a title followed by a new story. Uses HanLP's core dictionary segmentation; without it, says no.
 */
final class WordJunction {

    private static volatile Segment segment;

    private WordJunction() {
    }

    static boolean wordAcross(String head, String tail) {
        if (head.isEmpty() || tail.isEmpty()) {
            return false;
        }
        String left = head.substring(Math.max(0, head.length() - 4));
        String right = tail.substring(0, Math.min(4, tail.length()));
        if (!Typography.isHan(left.codePointAt(left.length() - 1)) || !Typography.isHan(right.codePointAt(0))) {
            return false;
        }
        try {
            // the core dictionary is simplified Chinese: compare traditional text in its simplified form
            left = HanLP.convertToSimplifiedChinese(left);
            right = HanLP.convertToSimplifiedChinese(right);
            List<Term> terms = segment().seg(left + right);
            int pos = 0;
            for (Term term : terms) {
                int end = pos + term.word.length();
                if (pos < left.length() && end > left.length()) {
                    return true;
                }
                pos = end;
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Segment segment() {
        Segment s = segment;
        if (s == null) {
            synchronized (WordJunction.class) {
                if (segment == null) {
                    segment = HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(false)
                            .enableOrganizationRecognize(false).enableCustomDictionary(false);
                }
                s = segment;
            }
        }
        return s;
    }
}
