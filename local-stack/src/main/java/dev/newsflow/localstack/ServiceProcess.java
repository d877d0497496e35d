package dev.newsflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the platform running as a child JVM from its exec jar, with its log in the data directory.
 * It may be stopped (SIGTERM), killed (SIGKILL) and started again; the log is appended to.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> javaOptions;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> javaOptions, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.javaOptions = javaOptions;
        this.log = logDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build with ./mvnw -B -DskipTests package");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        process = builder.start();
    }

    /** Waits until {@code /actuator/health} answers UP; fails early when the process dies. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process id of the running JVM (-1 when not started). */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** CPU time the running JVM has used so far (zero when not running or unknown). */
    Duration cpuTime() {
        return process == null ? Duration.ZERO : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hooks, nothing flushed or committed; waits until it is gone. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still alive 30 s after SIGKILL");
        }
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after the grace period, children included. */
    void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
