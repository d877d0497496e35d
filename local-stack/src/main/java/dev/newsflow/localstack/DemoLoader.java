package dev.newsflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts the demo articles (our own text, in resources/demo) through the gateway. */
final class DemoLoader {

    private final String gatewayUrl;
    private final String apiKey;

    DemoLoader(String gatewayUrl, String apiKey) {
        this.gatewayUrl = gatewayUrl;
        this.apiKey = apiKey;
    }

    int load() throws IOException, InterruptedException {
        if (apiKey == null) {
            throw new IllegalStateException("--demo needs a key with the ingest or admin scope in NEWSFLOW_API_KEYS");
        }
        String ndjson;
        try (InputStream in = DemoLoader.class.getResourceAsStream("/demo/articles.ndjson")) {
            ndjson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-ndjson")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("demo load answered " + response.statusCode() + ": " + response.body());
        }
        return (int) ndjson.lines().filter(line -> !line.isBlank()).count();
    }
}
