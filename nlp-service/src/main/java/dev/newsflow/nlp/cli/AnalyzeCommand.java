package dev.newsflow.nlp.cli;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.nlp.enrich.Enricher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code newsflow analyze [--date YYYY-MM-DD] FILE...}: prints the EnrichedArticle JSON of each file, without
 * Spring and without any infrastructure. A file whose content is a JSON object is read as an ArticleSubmitted
 * (title, body, publishedAt...); any other file is the body of an article. {@code -} reads standard input.
 * One file prints one JSON object, several files a JSON array.
 */
public final class AnalyzeCommand {

    static final String USAGE = """
            Usage: newsflow analyze [--date YYYY-MM-DD] FILE...
              Prints the enriched article (EnrichedArticle JSON) of each FILE: entities, figures, dates,
              regions, keywords, summary, statistics. Nothing is stored; no Kafka or MongoDB is needed.
              FILE   plain text (the article body) or a JSON ArticleSubmitted object; '-' reads stdin.
                     One file prints a JSON object, several files a JSON array.
              --date the date partial dates (8月9日, 今年) are read against when the article has no
                     publishedAt (default: today)
              --help this text
            """;

    private AnalyzeCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        LocalDate reference = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (a.equals("--date") && i + 1 < args.length) {
                try {
                    reference = LocalDate.parse(args[++i]);
                } catch (DateTimeParseException e) {
                    err.println("analyze: --date wants YYYY-MM-DD, got " + args[i]);
                    return 2;
                }
            } else if (a.startsWith("--")) {
                err.println("analyze: unknown option " + a);
                err.print(USAGE);
                return 2;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Enricher enricher = Enricher.createDefault(Clock.systemUTC());
        List<ArticleEnriched> results = new ArrayList<>();
        for (String file : files) {
            try {
                results.add(enricher.enrich(read(file, json), reference));
            } catch (IOException | JacksonException e) {
                err.println("analyze: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
        }
        out.println(json.writeValueAsString(results.size() == 1 ? results.get(0) : results));
        out.flush();
        return 0;
    }

    static ArticleSubmitted read(String file, JsonMapper json) throws IOException {
        byte[] bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        String content = new String(bytes, StandardCharsets.UTF_8);
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        if (content.stripLeading().startsWith("{")) {
            return json.readValue(content, ArticleSubmitted.class);
        }
        return new ArticleSubmitted(ArticleSubmitted.SCHEMA_VERSION, null, null, content, null, null, null, null,
                null, null, null);
    }
}
