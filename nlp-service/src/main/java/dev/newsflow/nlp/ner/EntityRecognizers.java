package dev.newsflow.nlp.ner;

import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Builds the best entity recognizer available to this build (used by the Spring wiring and by the CLI): the
 * trained perceptron model from the jar with the rules and the deployment dictionary (system property
 * {@code newsflow.ner.dictionary} or env {@code NEWSFLOW_NER_DICTIONARY}, re-read when it changes), or HanLP's HMM
 * when the build has no model. Loaded once, on first use, and shared (the recognizers are thread-safe).
 */
public final class EntityRecognizers {

    public static final String DICTIONARY_PROPERTY = "newsflow.ner.dictionary";
    public static final String DICTIONARY_ENV = "NEWSFLOW_NER_DICTIONARY";
    private static final Logger LOG = Logger.getLogger(EntityRecognizers.class.getName());

    private EntityRecognizers() {
    }

    private static final class Holder {
        static final EntityRecognizer INSTANCE = create();
    }

    public static EntityRecognizer load() {
        return Holder.INSTANCE;
    }

    static EntityRecognizer create() {
        NerModel model = PerceptronEntityRecognizer.bundledModel();
        if (model == null) {
            LOG.warning("no NER model in this build (" + PerceptronEntityRecognizer.MODEL_RESOURCE
                    + "): falling back to HanLP's HMM");
            return new HanlpEntityRecognizer();
        }
        return new PerceptronEntityRecognizer(model, overrideDictionary());
    }

    static OverrideDictionary overrideDictionary() {
        String path = System.getProperty(DICTIONARY_PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(DICTIONARY_ENV);
        }
        return path == null || path.isBlank() ? null : new OverrideDictionary(Path.of(path), 1000);
    }
}
