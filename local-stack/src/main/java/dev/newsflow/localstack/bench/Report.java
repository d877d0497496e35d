package dev.newsflow.localstack.bench;

import java.util.Locale;
import java.util.Map;

/** The benchmark results as a Markdown page, the figures side by side. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        Map<String, Object> nlp1 = (Map<String, Object>) r.get("nlpOneThread");
        Map<String, Object> nlpAll = (Map<String, Object>) r.get("nlpAllCores");
        Map<String, Object> kafka = (Map<String, Object>) r.get("kafkaAlone");
        Map<String, Object> gateway = (Map<String, Object>) r.get("gatewayOverhead");
        Map<String, Object> saturation = (Map<String, Object>) r.get("pipelineSaturation");
        Map<String, Object> at50 = (Map<String, Object>) r.get("pipelineAt50Percent");
        Map<String, Object> at90 = (Map<String, Object>) r.get("pipelineAt90Percent");
        double nlpArticles = number(nlpAll, "articlesPerSecond");
        double stored = number(saturation, "storedPerSecond");
        StringBuilder md = new StringBuilder();
        md.append("# Newsflow benchmark ").append(r.get("startedAt")).append("\n\n");
        md.append("Machine: ").append(r.get("machine")).append("; phase length ").append(r.get("phaseSeconds")).append(" s.\n\n");
        md.append("| what | figure |\n|---|---|\n");
        row(md, "NLP alone, 1 thread: chars/s", number(nlp1, "charsPerSecond"));
        row(md, "NLP alone, 1 thread: articles/s", number(nlp1, "articlesPerSecond"));
        row(md, "raw HanLP segmentation + NER, 1 thread, same text: chars/s", number(nlp1, "hanlpCharsPerSecond"));
        row(md, "enrichment / raw HanLP (%)", 100 * number(nlp1, "charsPerSecond") / number(nlp1, "hanlpCharsPerSecond"));
        row(md, "NLP alone, all cores (" + nlpAll.get("threads") + " threads): articles/s", nlpArticles);
        row(md, "Kafka alone: produced msgs/s (acks=all, idempotent)", number(kafka, "producedPerSecond"));
        row(md, "Kafka alone: consumed msgs/s", number(kafka, "consumedPerSecond"));
        row(md, "pipeline, sustained over the phase: articles/s posted (NDJSON batches of " + saturation.get("batch")
                + ") → stored and queryable", stored);
        row(md, "pipeline / NLP alone, all cores (%)", 100 * stored / nlpArticles);
        if (saturation.containsKey("aggregatedPerSecond")) {
            row(md, "pipeline, same phase: articles/s into the aggregates (entity, figure, region, trend answers)",
                    number(saturation, "aggregatedPerSecond"));
        }
        if (saturation.get("cpuMsPerArticle") instanceof Map<?, ?> cpu) {
            // each process's figure, then their sum
            double[] ms = new double[cpu.size() + 1];
            int i = 0;
            for (Object v : cpu.values()) {
                ms[i] = ((Number) v).doubleValue();
                ms[cpu.size()] += ms[i++];
            }
            row(md, "same phase, CPU per article (ms): " + String.join(" / ", cpu.keySet().stream().map(String::valueOf).toList())
                    + " / all", ms);
        }
        Map<String, Object> single50 = (Map<String, Object>) r.get("singlePostsAt50Percent");
        row(md, "at 50% of saturation, same NDJSON batches: ingest-to-queryable p50 / p95 / p99 (ms)",
                number(at50, "queryableP50Ms"), number(at50, "queryableP95Ms"), number(at50, "queryableP99Ms"));
        row(md, "at 90% of saturation, same NDJSON batches: ingest-to-queryable p50 / p95 / p99 (ms)",
                number(at90, "queryableP50Ms"), number(at90, "queryableP95Ms"), number(at90, "queryableP99Ms"));
        if (single50 != null) {
            row(md, "at 50% of saturation, one article per POST: ingest-to-queryable p50 / p95 / p99 (ms)",
                    number(single50, "queryableP50Ms"), number(single50, "queryableP95Ms"), number(single50, "queryableP99Ms"));
        }
        if (at50 != null && at50.containsKey("aggregatedP50Ms")) {
            row(md, "at 50% / 90% of saturation, NDJSON batches: ingest-to-aggregates p50 / p99 (ms, histogram bucket bounds)",
                    number(at50, "aggregatedP50Ms"), number(at50, "aggregatedP99Ms"), number(at90, "aggregatedP50Ms"), number(at90, "aggregatedP99Ms"));
        }
        String rate = String.format(Locale.ROOT, "%.0f", number(gateway, "openLoopRate"));
        row(md, "POST /articles at " + rate + "/s, alternating requests, straight to ingest: p50 / p99 (ms)",
                number(gateway, "openDirectP50Ms"), number(gateway, "openDirectP99Ms"));
        row(md, "POST /articles at " + rate + "/s, alternating requests, through the gateway: p50 / p99 (ms)",
                number(gateway, "openGatewayP50Ms"), number(gateway, "openGatewayP99Ms"));
        row(md, "gateway's added latency at p50 / p99, " + rate + "/s (%)", number(gateway, "openAddedLatencyP50Percent"),
                number(gateway, "openAddedLatencyP99Percent"));
        row(md, "POST /articles from 4 clients back to back, straight to ingest: p50 / p99 (ms), requests/s",
                number(gateway, "directP50Ms"), number(gateway, "directP99Ms"), number(gateway, "directPerSecond"));
        row(md, "POST /articles from 4 clients back to back, through the gateway: p50 / p99 (ms), requests/s",
                number(gateway, "gatewayP50Ms"), number(gateway, "gatewayP99Ms"), number(gateway, "gatewayPerSecond"));
        row(md, "gateway's added latency at p50, back to back (%)", number(gateway, "addedLatencyP50Percent"));
        row(md, "CPU per request, back to back: ingest-service / gateway (ms)", number(gateway, "ingestCpuMsPerRequest"),
                number(gateway, "gatewayCpuMsPerRequest"));
        Map<String, Object> scaling = (Map<String, Object>) r.get("scaling");
        if (scaling != null) {
            for (Map.Entry<String, Object> e : scaling.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> step) {
                    row(md, "scaling, " + e.getKey() + " of nlp-service (1 consumer thread each, 3 partitions): "
                            + "enriched / stored articles/s", number((Map<String, Object>) step, "enrichedPerSecond"),
                            number((Map<String, Object>) step, "storedPerSecond"));
                }
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, double... values) {
        md.append("| ").append(label).append(" | ");
        for (int i = 0; i < values.length; i++) {
            md.append(i > 0 ? " / " : "").append(String.format(Locale.ROOT, values[i] >= 100 ? "%.0f" : "%.1f", values[i]));
        }
        md.append(" |\n");
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
