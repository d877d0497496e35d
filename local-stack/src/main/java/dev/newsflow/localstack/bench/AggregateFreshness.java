package dev.newsflow.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long articles took to reach the aggregates (entity, figure, region and trend answers), from the metrics
 * service's {@code newsflow.aggregates.latency} histogram: its buckets read before and after a phase, the phase's
 * percentiles taken from the difference (each figure is the upper bound of the bucket holding that percentile).
 */
final class AggregateFreshness {

    private static final String BUCKET = "newsflow_aggregates_latency_seconds_bucket{";
    private static final String PENDING = "newsflow_aggregates_pending{";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String metricsUrl;

    AggregateFreshness(String metricsUrl) {
        this.metricsUrl = metricsUrl;
    }

    /** Cumulative count per bucket upper bound (seconds). */
    Map<Double, Double> buckets() throws Exception {
        Map<Double, Double> out = new TreeMap<>();
        for (String line : scrape().split("\n")) {
            if (line.startsWith(BUCKET)) {
                int le = line.indexOf("le=\"");
                String bound = line.substring(le + 4, line.indexOf('"', le + 4));
                out.merge("+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return out;
    }

    /** Articles stored but not yet in the aggregates, or -1 when the service does not say. */
    double pending() throws Exception {
        for (String line : scrape().split("\n")) {
            if (line.startsWith(PENDING)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    /** Waits (up to {@code timeout}) until no stored article waits for the aggregates. */
    void awaitApplied(Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (pending() > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    /** The {@code q}-quantile (0-1) in ms of what was recorded between two readings of {@link #buckets}. */
    static double percentileMs(Map<Double, Double> before, Map<Double, Double> after, double q) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> e : after.entrySet()) {
            double count = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            if (count >= q * total) {
                return e.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(metricsUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : "";
    }
}
