package dev.newsflow.nlp.ner;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared} next to the repository (module tests run with cwd = nlp-service). */
final class SharedData {

    private SharedData() {
    }

    static Path shared() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("datasets")) && Files.isDirectory(dir.resolve(".git"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        Path fallback = Path.of("../../shared");
        return Files.isDirectory(fallback) ? fallback : null;
    }
}
