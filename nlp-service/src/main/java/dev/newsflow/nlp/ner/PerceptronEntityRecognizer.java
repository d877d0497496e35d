package dev.newsflow.nlp.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained character-level perceptron ({@link NerModel}), then the rules the model cannot learn from MSRA
 * ({@link EntityRules}: reporter bylines, organisation suffixes), then the deployment's own dictionary
 * ({@link OverrideDictionary}), which wins over both. Thread-safe: the model is immutable and every call
 * works on its own arrays.
 */
public final class PerceptronEntityRecognizer implements EntityRecognizer {

    public static final String MODEL_RESOURCE = "/ner/newsflow-ner.bin.gz";
    private static final int MAX_SEGMENT = 512;

    private final NerModel model;
    private final OverrideDictionary overrides;
    private final Lexicon words;

    public PerceptronEntityRecognizer(NerModel model, OverrideDictionary overrides) {
        this.model = model;
        this.overrides = overrides;
        this.words = model.wordLexicon();
    }

    /** The model shipped in the jar, or null when this build has none. */
    public static NerModel bundledModel() {
        try (InputStream in = PerceptronEntityRecognizer.class.getResourceAsStream(MODEL_RESOURCE)) {
            return in == null ? null : NerModel.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
    }

    @Override
    public List<NerSpan> recognize(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        char[] chars = NerText.normalize(text);
        List<NerSpan> spans = new ArrayList<>();
        int start = 0;
        while (start < chars.length) {
            int end = segmentEnd(chars, start);
            label(chars, start, end, spans);
            start = end;
        }
        spans = EntityRules.apply(chars, spans, words);
        if (overrides != null) {
            spans = overrides.apply(chars, spans);
        }
        return spans;
    }

    /** Sentences as the model was trained on them: cut after 。！？ and line breaks, at most MAX_SEGMENT chars. */
    private static int segmentEnd(char[] c, int start) {
        int limit = Math.min(c.length, start + MAX_SEGMENT);
        for (int i = start; i < limit; i++) {
            char ch = c[i];
            if (ch == '\n' || ch == '\r') {
                return i + 1;
            }
            if (ch == '。' || ch == '!' || ch == '?' || ch == '！' || ch == '？') {
                int j = i + 1;
                while (j < c.length && (c[j] == '"' || c[j] == '”' || c[j] == '’' || c[j] == ')' || c[j] == '）')) {
                    j++;
                }
                return j;
            }
        }
        if (limit < c.length) {
            for (int i = limit - 1; i > start + MAX_SEGMENT / 2; i--) {
                if (c[i] == ',' || c[i] == '，' || c[i] == ';' || c[i] == '；' || c[i] == ' ') {
                    return i + 1;
                }
            }
        }
        return limit;
    }

    private void label(char[] chars, int start, int end, List<NerSpan> out) {
        int from = start;
        while (from < end && Character.isWhitespace(chars[from])) {
            from++;
        }
        if (from >= end) {
            return;
        }
        char[] segment = java.util.Arrays.copyOfRange(chars, from, end);
        int[] labels = model.label(segment);
        for (NerSpan s : NerLabels.decode(labels, labels.length)) {
            out.add(new NerSpan(s.start() + from, s.end() + from, s.type()));
        }
    }

    NerModel model() {
        return model;
    }

    @Override
    public String modelVersion() {
        return model.version();
    }
}
