package dev.newsflow.nlp.ner;

import dev.newsflow.events.EntityType;

/** One entity mention found by an {@link EntityRecognizer}. */
public record NerSpan(int start, int end, EntityType type) {

    public NerSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
