package dev.newsflow.nlp.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shared sample page ({@code ../shared/samples}), looked up from the module or repository directory. */
public final class SamplePages {

    private SamplePages() {
    }

    public static Optional<String> jinzhou() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path page = dir.resolve("shared/samples/jinzhou-daily-page.txt");
            if (Files.isRegularFile(page)) {
                try {
                    return Optional.of(Files.readString(page, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The page cut at blank lines into pieces of at least {@code minChars}: different articles of a realistic size. */
    public static List<String> pieces(String page, int minChars) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String block : page.split("\n\\s*\n")) {
            if (block.isBlank()) {
                continue;
            }
            current.append(block).append("\n\n");
            if (current.length() >= minChars) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }
}
