package dev.newsflow.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void splitPrintsArticlesAsJson() throws IOException {
        Path page = dir.resolve("page.txt");
        Files.writeString(page, "锦州港吞吐量创新高\n\n本报讯 记者马骏报道 今年前三季度,锦州港完成货物吞吐量8000万吨。\n");
        assertThat(run("split", page.toString(), "--source", "锦州日报", "--edition", "2022-08-10")).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"headline\" : \"锦州港吞吐量创新高\"", "\"reporters\" : [ \"马骏\" ]",
                "\"edition\" : \"2022-08-10\"", "\"kind\" : \"ARTICLE\"");
    }

    @Test
    void eachSubcommandPrintsHelp() {
        assertThat(run("split", "--help")).isZero();
        assertThat(run("ingest", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: split FILE", "Usage: ingest");
    }

    @Test
    void splitRejectsBadEdition() throws IOException {
        Path page = dir.resolve("page.txt");
        Files.writeString(page, "x");
        assertThat(run("split", page.toString(), "--edition", "10/08/2022")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--edition");
    }

    @Test
    void ingestPostsEachFileByTypeWithTheKeyFromTheDataDir() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("X-API-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).length());
            byte[] body = "{\"articles\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Files.writeString(dir.resolve("api-key"), "k-123\n");
            Path page = Files.writeString(dir.resolve("p.txt"), "标题\n\n正文。");
            Path one = Files.writeString(dir.resolve("a.json"), "{\"body\":\"x\"}");
            Path batch = Files.writeString(dir.resolve("b.ndjson"), "{\"body\":\"x\"}\n");
            Map<String, String> env = Map.of("NEWSFLOW_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "NEWSFLOW_DATA_DIR", dir.toString());
            int code = IngestCommand.run(new String[] {"--source", "锦州日报", "--edition", "2022-08-10",
                            page.toString(), one.toString(), batch.toString()}, env,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isZero();
            assertThat(seen).hasSize(3);
            assertThat(seen.get(0)).startsWith("POST /api/v1/pages?source=").contains("edition=2022-08-10")
                    .contains("text/plain; charset=UTF-8 k-123");
            assertThat(seen.get(1)).startsWith("POST /api/v1/articles application/json k-123");
            assertThat(seen.get(2)).startsWith("POST /api/v1/articles application/x-ndjson k-123");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void ingestFailsClearlyWithoutKeyOrGateway() throws IOException {
        Path one = Files.writeString(dir.resolve("a.json"), "{\"body\":\"x\"}");
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(IngestCommand.run(new String[] {one.toString()}, Map.of("NEWSFLOW_DATA_DIR", dir.toString()), o, e))
                .isEqualTo(2);
        assertThat(IngestCommand.run(new String[] {one.toString()},
                Map.of("NEWSFLOW_API_KEY", "k", "NEWSFLOW_URL", "http://127.0.0.1:1"), o, e)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NEWSFLOW_API_KEY", "a.json");
    }
}
