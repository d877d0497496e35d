package dev.newsflow.nlp.ner;

import java.util.List;

/**
 * Finds person, place and organisation names in normalised text. Implementations are thread-safe.
 * Offsets index the text given (UTF-16, end exclusive).
 */
public interface EntityRecognizer {

    List<NerSpan> recognize(String text);

    /** A version string for provenance (model file name and date, or "hanlp-hmm"). */
    String modelVersion();
}
