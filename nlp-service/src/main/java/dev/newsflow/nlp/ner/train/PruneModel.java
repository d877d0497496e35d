package dev.newsflow.nlp.ner.train;

import dev.newsflow.nlp.ner.NerModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code PruneModel IN OUT THRESHOLD}: drops features whose largest absolute weight is below THRESHOLD. */
public final class PruneModel {

    private PruneModel() {
    }

    public static void main(String[] args) throws IOException {
        NerModel model;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            model = NerModel.load(in);
        }
        NerModel pruned = NerTrainer.prune(model, model.index(), Float.parseFloat(args[2]));
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            pruned.save(out);
        }
        System.err.printf("%d -> %d features, %.1f MB%n", model.features(), pruned.features(),
                Files.size(Path.of(args[1])) / 1e6);
    }
}
