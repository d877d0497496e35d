package dev.newsflow.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for a Newsflow service: answers 200 with a JSON echo of what it received
 * (method, raw path and query, correlation headers, body size) and records each request. Request header
 * {@code X-Stub-Status: 503} makes it answer that status, {@code X-Stub-Delay-Ms: 800} answer after that long,
 * {@code X-Stub-Hop-Headers: 1} answer with hop-by-hop headers; {@code hang=true} makes it never answer.
 */
final class StubBackend implements AutoCloseable {

    /** What the backend saw. */
    record Seen(String method, String rawPath, String rawQuery, String requestId, String traceparent,
            boolean hadApiKey, long bodyBytes, java.util.SortedSet<String> headerNames) {
    }

    private final String name;
    private final boolean hang;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-backend");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    private StubBackend(String name, boolean hang) {
        this.name = name;
        this.hang = hang;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static StubBackend echo(String name) {
        return new StubBackend(name, false);
    }

    static StubBackend hanging(String name) {
        return new StubBackend(name, true);
    }

    /** A URL on which nothing listens (the port was free a moment ago). */
    static String closedUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long count(String method, String rawPath) {
        return seen.stream().filter(s -> s.method().equals(method) && s.rawPath().equals(rawPath)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long bytes;
        try (InputStream body = exchange.getRequestBody()) {
            bytes = body.transferTo(OutputStream.nullOutputStream());
        }
        var headers = exchange.getRequestHeaders();
        Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers.getFirst("X-Request-Id"),
                headers.getFirst("traceparent"), headers.containsKey("X-API-Key"), bytes,
                headers.keySet().stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        seen.add(request);
        if (hang) {
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (headers.containsKey("X-Stub-Delay-Ms")) {
            try {
                Thread.sleep(Long.parseLong(headers.getFirst("X-Stub-Delay-Ms")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = headers.containsKey("X-Stub-Status") ? Integer.parseInt(headers.getFirst("X-Stub-Status")) : 200;
        String json = "{\"service\":" + q(name) + ",\"method\":" + q(request.method()) + ",\"path\":"
                + q(request.rawPath()) + ",\"query\":" + q(request.rawQuery()) + ",\"requestId\":"
                + q(request.requestId()) + ",\"traceparent\":" + q(request.traceparent()) + ",\"hadApiKey\":"
                + request.hadApiKey() + ",\"bodyBytes\":" + bytes + ",\"headers\":["
                + String.join(",", request.headerNames().stream().map(StubBackend::q).toList()) + "]}";
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Stub-Service", name);
        if (headers.containsKey("X-Stub-Hop-Headers")) {
            exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"stub\"");
            exchange.getResponseHeaders().set("Trailer", "X-Stub-Checksum");
        }
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
