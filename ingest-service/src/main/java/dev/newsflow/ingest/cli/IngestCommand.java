package dev.newsflow.ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ingest FILE...}: posts files to a running gateway: {@code *.txt} as a page, {@code *.json} as one article,
 * {@code *.ndjson}/{@code *.jsonl} as a batch.
 */
final class IngestCommand {

    static final String HELP = """
            Usage: ingest [--source S] [--edition YYYY-MM-DD] [--page P] FILE...

            Posts files to a running Newsflow gateway:
              *.txt             an OCR'd page (POST /api/v1/pages; --source/--edition/--page describe it)
              *.json            one article (POST /api/v1/articles, application/json)
              *.ndjson, *.jsonl a batch of articles, one JSON object per line (application/x-ndjson)
            Environment:
              NEWSFLOW_URL       gateway base URL (default http://localhost:8080)
              NEWSFLOW_API_KEY   API key with the ingest scope; without it the key is read from
                                 ${NEWSFLOW_DATA_DIR:-./data}/api-key (written by ./newsflow up)
            Prints the gateway's answer per file; exits 1 if any file was not accepted.
            """;

    private IngestCommand() {
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        PageOptions options = PageOptions.parse(args);
        if (options.help()) {
            out.print(HELP);
            return 0;
        }
        if (options.error() != null) {
            err.print(options.error() + "\n\n" + HELP);
            return 2;
        }
        List<String> files = options.files();
        String source = options.source();
        String edition = options.edition();
        String page = options.page();
        if (files.isEmpty()) {
            err.print("ingest: at least one FILE is required\n\n" + HELP);
            return 2;
        }
        String base = env.getOrDefault("NEWSFLOW_URL", "http://localhost:8080").replaceAll("/+$", "");
        String key = apiKey(env);
        if (key == null) {
            err.println("no API key: set NEWSFLOW_API_KEY or start the stack with ./newsflow up (writes "
                    + keyFile(env) + ")");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failures = 0;
        for (String file : files) {
            try {
                HttpRequest request = request(base, key, Path.of(file), source, edition, page);
                if (request == null) {
                    err.println(file + ": unknown file type (expected .txt, .json, .ndjson or .jsonl)");
                    failures++;
                    continue;
                }
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                boolean ok = response.statusCode() / 100 == 2;
                (ok ? out : err).println(file + ": " + response.statusCode() + " " + response.body().strip());
                if (!ok) {
                    failures++;
                }
            } catch (IOException e) {
                err.println(file + ": " + e.getClass().getSimpleName() + " " + e.getMessage()
                        + (e instanceof java.net.ConnectException ? " (is the gateway running at " + base + "?)" : ""));
                failures++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static HttpRequest request(String base, String key, Path file, String source, String edition, String page)
            throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String path;
        String contentType;
        if (name.endsWith(".txt")) {
            StringBuilder query = new StringBuilder();
            param(query, "source", source);
            param(query, "edition", edition);
            param(query, "page", page);
            path = "/api/v1/pages" + query;
            contentType = "text/plain; charset=UTF-8";
        } else if (name.endsWith(".json")) {
            path = "/api/v1/articles";
            contentType = "application/json";
        } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            path = "/api/v1/articles";
            contentType = "application/x-ndjson";
        } else {
            return null;
        }
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)))
                .build();
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    static String apiKey(Map<String, String> env) {
        String key = env.get("NEWSFLOW_API_KEY");
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        Path file = keyFile(env);
        try {
            if (Files.isRegularFile(file)) {
                String k = Files.readString(file, StandardCharsets.UTF_8).strip();
                return k.isEmpty() ? null : k;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static Path keyFile(Map<String, String> env) {
        String dir = env.get("NEWSFLOW_DATA_DIR");
        return Path.of(dir == null || dir.isBlank() ? "./data" : dir, "api-key");
    }
}
