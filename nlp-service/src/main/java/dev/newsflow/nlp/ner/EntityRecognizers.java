package dev.newsflow.nlp.ner;

/** Builds the best entity recognizer available to this build (used by the Spring wiring and by the CLI). */
public final class EntityRecognizers {

    private EntityRecognizers() {
    }

    public static EntityRecognizer load() {
        return new HanlpEntityRecognizer();
    }
}
