package dev.newsflow.ingest.cli;

import dev.newsflow.ingest.page.PageMetadata;
import dev.newsflow.ingest.page.PageSplit;
import dev.newsflow.ingest.page.PageSplitter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code split FILE [--source S --edition YYYY-MM-DD --page P]}: prints the split of a page as JSON. */
final class SplitCommand {

    static final String HELP = """
            Usage: split FILE [--source S] [--edition YYYY-MM-DD] [--page P]

            Splits the text of an OCR'd newspaper page (UTF-8) into its articles and prints them as JSON:
            headline, subheadline, section, dateline, reporters, photographers, captions, body, truncated,
            kind (ARTICLE|PHOTO) and warnings. Needs no running service. Use - as FILE to read standard input.
            """;

    private SplitCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        PageOptions options = PageOptions.parse(args);
        if (options.help()) {
            out.print(HELP);
            return 0;
        }
        if (options.error() != null || options.files().size() > 1) {
            err.println((options.error() != null ? options.error() : "split takes one FILE") + "\n\n" + HELP);
            return 2;
        }
        String file = options.files().isEmpty() ? null : options.files().get(0);
        String source = options.source();
        String edition = options.edition();
        String page = options.page();
        if (file == null) {
            err.print("split: FILE is required\n\n" + HELP);
            return 2;
        }
        if (edition != null) {
            try {
                LocalDate.parse(edition);
            } catch (DateTimeParseException e) {
                err.println("--edition must be an ISO date (YYYY-MM-DD), got " + edition);
                return 2;
            }
        }
        String text;
        try {
            text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        PageSplit split = new PageSplitter().split(text, new PageMetadata(source, edition, page));
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(split));
        return 0;
    }
}
