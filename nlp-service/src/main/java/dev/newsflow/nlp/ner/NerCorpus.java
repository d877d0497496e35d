package dev.newsflow.nlp.ner;

import dev.newsflow.events.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads annotated sentences in the {@code shared/datasets} JSON Lines format. */
public final class NerCorpus {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One annotated sentence; spans are sorted by start. */
    public record Sentence(String text, List<NerSpan> spans) {
    }

    private NerCorpus() {
    }

    public static List<Sentence> read(Path file) {
        List<Sentence> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                out.add(parse(line, file + ":" + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Sentence parse(String line, String where) {
        JsonNode node = JSON.readTree(line);
        String text = node.path("text").asString();
        List<NerSpan> spans = new ArrayList<>();
        for (JsonNode e : node.path("entities")) {
            int start = e.path("start").asInt();
            int end = e.path("end").asInt();
            if (start < 0 || end > text.length() || end <= start) {
                throw new IllegalArgumentException(where + ": entity offsets out of range");
            }
            spans.add(new NerSpan(start, end, type(e.path("type").asString(), where)));
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new Sentence(text, List.copyOf(spans));
    }

    public static EntityType type(String name, String where) {
        return switch (name) {
            case "PER", "PERSON" -> EntityType.PERSON;
            case "LOC", "LOCATION" -> EntityType.LOCATION;
            case "ORG", "ORGANIZATION" -> EntityType.ORGANIZATION;
            default -> throw new IllegalArgumentException(where + ": unknown entity type " + name);
        };
    }
}
