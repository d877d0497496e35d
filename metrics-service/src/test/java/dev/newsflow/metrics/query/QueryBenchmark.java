package dev.newsflow.metrics.query;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.metrics.TestMongo;
import dev.newsflow.metrics.store.ArticleStore;
import dev.newsflow.metrics.store.ContributionPlanner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of verify. Loads N generated articles (default 100,000) into an in-memory mongo-java-server through
 * the real store path (JSON bytes → parse → exactly-once store), reports the sustained store rate, then the
 * p50/p95/max latency of every query endpoint (controller call + JSON serialisation of the answer).
 * Run: see {@code metrics-service/bench.sh}.
 */
public final class QueryBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        JsonMapper json = JsonMapper.builder().build();
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory factory = mongo.factory("bench");
            ArticleStore store = new ArticleStore(factory, new ContributionPlanner(), json, Integer.getInteger("bench.writers", 4));
            var gen = new dev.newsflow.metrics.bench.BenchCorpus(42);

            int streamed = Math.min(n, args.length > 2 ? Integer.parseInt(args[2]) : 5_000);
            long bulkStart = System.nanoTime();
            var bulk = new dev.newsflow.metrics.store.BulkLoader(factory, json);
            for (int i = 0; i < n - streamed; i++) {
                bulk.add(gen.article(i));
            }
            bulk.flush(factory.getMongoDatabase());
            System.out.printf("bulk-loaded %,d articles in %.1f s%n", n - streamed, (System.nanoTime() - bulkStart) / 1e9);
            System.out.flush();
            List<byte[]> events = new ArrayList<>();
            // bench.live=true: the streamed articles are the newest, published over the last 2 days in order (a live
            // feed); default: random days over the whole year (worst case for batching)
            boolean live = Boolean.getBoolean("bench.live");
            // a live feed spans as many of the last days as the corpus' articles per day fill (at least 2)
            long span = Long.getLong("bench.span", Math.max(2, Math.round(streamed / (n / (double) dev.newsflow.metrics.bench.BenchCorpus.DAYS))));
            for (int i = n - streamed; i < n; i++) {
                LocalDate day = dev.newsflow.metrics.bench.BenchCorpus.LAST_DAY.minusDays(span - 1 - (i - (n - streamed)) * span / streamed);
                events.add(json.writeValueAsBytes(live ? gen.article(i, day) : gen.article(i)));
            }
            System.out.println(live ? "streaming a live feed (last " + span + " days, in order)" : "streaming articles of random days");
            int batch = Integer.getInteger("bench.batch", 500);
            var steps = new dev.newsflow.metrics.store.StepTimer(store);
            // bench.applier=N: the consumer's path, the aggregates applied behind by the applier (up to N articles waiting);
            // the per-batch figures are then the time until a batch is readable by id
            int applierPending = Integer.getInteger("bench.applier", 0);
            var applier = applierPending > 0 ? new dev.newsflow.metrics.store.ApplierDriver(store, applierPending) : null;
            long start = System.nanoTime();
            List<Double> batchMs = new ArrayList<>();
            List<Double> batchCpu = new ArrayList<>();
            for (int i = 0; i < events.size(); i += batch) {
                List<ArticleEnriched> part = new ArrayList<>();
                for (byte[] e : events.subList(i, Math.min(events.size(), i + batch))) {
                    part.add(json.readValue(e, ArticleEnriched.class));
                }
                steps.mark();
                long b0 = System.nanoTime();
                long c0 = cpuNanos();
                if (applier != null) {
                    applier.store(part);
                } else {
                    store.storeAll(part);
                }
                batchMs.add((System.nanoTime() - b0) / 1e6);
                batchCpu.add((cpuNanos() - c0) / 1e6);
                if (i == 0) {
                    System.out.printf("first batch done after %.1f s%n", (System.nanoTime() - start) / 1e9);
                    System.out.flush();
                }
            }
            if (applier != null) {
                double readable = (System.nanoTime() - start) / 1e9;
                applier.awaitIdle();
                applier.close();
                System.out.printf("APPLIER: %,d articles readable by id after %.1f s, in the aggregates after %.1f s = %.0f articles/s "
                        + "(the per-batch figures below: until readable)%n", streamed, readable, (System.nanoTime() - start) / 1e9,
                        streamed / ((System.nanoTime() - start) / 1e9));
            }
            double secs = (System.nanoTime() - start) / 1e9;
            if (batchMs.size() > 1) {
                double rest = batchMs.subList(1, batchMs.size()).stream().mapToDouble(Double::doubleValue).sum() / 1e3;
                System.out.printf("STORE after the first batch (JIT warm): %,d articles in %.1f s = %.0f articles/s%n", streamed - Math.min(batch, streamed),
                        rest, (streamed - Math.min(batch, streamed)) / rest);
            }
            System.out.printf("STORE: last %,d articles (on top of %,d) through the exactly-once store path, batches of %d, in %.1f s = %.0f articles/s%n",
                    streamed, n - streamed, batch, secs, streamed / secs);
            System.out.print("time before each store step (the write step included):\n" + steps);
            System.out.println("per batch: " + percentiles(batchMs) + "; process CPU time per batch: " + percentiles(batchCpu));
            int small = Integer.getInteger("bench.small", 0);
            if (small > 0) {
                // a live feed at ~10 articles/s: batches of 1-5 of today's articles, one at a time
                SplittableRandom br = new SplittableRandom(11);
                var smallSteps = new dev.newsflow.metrics.store.StepTimer(store);
                List<Double> ms = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                long s0 = System.nanoTime();
                for (int i = 0; i < small; ) {
                    int size = Math.min(small - i, 1 + br.nextInt(5));
                    List<ArticleEnriched> part = new ArrayList<>();
                    for (int j = 0; j < size; j++, i++) {
                        part.add(json.readValue(json.writeValueAsBytes(gen.article(n + i, dev.newsflow.metrics.bench.BenchCorpus.LAST_DAY)),
                                ArticleEnriched.class));
                    }
                    smallSteps.mark();
                    long b0 = System.nanoTime();
                    long c0 = cpuNanos();
                    store.storeAll(part);
                    ms.add((System.nanoTime() - b0) / 1e6);
                    cpu.add((cpuNanos() - c0) / 1e6);
                }
                System.out.printf("SMALL BATCHES: %d articles of today in %d batches of 1-5, %.1f articles/s; per batch %s%n", small, ms.size(),
                        small / ((System.nanoTime() - s0) / 1e9), percentiles(ms));
                System.out.println("  process CPU time per small batch (all threads, GC included; independent of the machine's load): " + percentiles(cpu));
                System.out.print("time before each store step (small batches):\n" + smallSteps);
                System.out.flush();
            }
            int dups = Math.min(1000, events.size());
            long dupStart = System.nanoTime();
            List<ArticleEnriched> again = new ArrayList<>();
            for (byte[] e : events.subList(0, dups)) {
                again.add(json.readValue(e, ArticleEnriched.class));
            }
            for (int i = 0; i < again.size(); i += batch) {
                store.storeAll(again.subList(i, Math.min(again.size(), i + batch)));
            }
            System.out.printf("REDELIVERY: %d duplicates skipped at %.0f/s%n", dups, dups / ((System.nanoTime() - dupStart) / 1e9));
            System.out.flush();

            if (queries <= 0) {
                return;
            }
            AggregateReader reader = new AggregateReader(factory);
            ArticleController articles = new ArticleController(reader);
            EntityController entities = new EntityController(reader);
            FigureController figures = new FigureController(reader);
            RegionController regions = new RegionController(reader);
            TrendController trends = new TrendController(reader);
            SplittableRandom r = new SplittableRandom(7);
            LocalDate last = dev.newsflow.metrics.bench.BenchCorpus.LAST_DAY;
            Supplier<String[]> window30 = () -> {
                LocalDate to = last.minusDays(r.nextInt(Math.max(1, dev.newsflow.metrics.bench.BenchCorpus.DAYS - 65)));
                return new String[] {to.minusDays(29).toString(), to.toString()};
            };

            Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
            cases.put("GET /articles/{id}", () -> articles.article(gen.id(r.nextInt(n))));
            cases.put("GET /articles (no filter, page 0)", () -> articles.articles(null, null, null, null, null, null, null, null, "0", "20"));
            cases.put("GET /articles?entity=&type= (all time)", () -> articles.articles(gen.personName(gen.samplePerson()), "PERSON", null, null, null, null, null, null, "0", "20"));
            cases.put("GET /articles?entity=&from=&to= (30 d)", () -> {
                String[] w = window30.get();
                return articles.articles(gen.orgName(gen.sampleOrg()), null, null, null, null, null, w[0], w[1], "0", "20");
            });
            cases.put("GET /articles?source=&section=", () -> articles.articles(null, null, "锦州日报", "经济", null, null, null, null, "2", "20"));
            cases.put("GET /articles?region= (province)", () -> articles.articles(null, null, null, null, "210000", null, null, null, "0", "20"));
            cases.put("GET /articles?q=&from=&to= (30 d)", () -> {
                String[] w = window30.get();
                return articles.articles(null, null, null, null, null, "第" + r.nextInt(n) + "号", w[0], w[1], "0", "20");
            });
            cases.put("GET /entities/top (all time)", () -> entities.top(null, null, null, null, "10"));
            cases.put("GET /entities/top?type=&from=&to= (30 d)", () -> {
                String[] w = window30.get();
                return entities.top("PERSON", w[0], w[1], null, "10");
            });
            cases.put("GET /entities/top?region= (all time)", () -> entities.top(null, null, null, gen.placeCode(gen.samplePlace()).substring(0, 4) + "00", "10"));
            cases.put("GET /entities/{t}/{n}/timeline?interval=week", () -> entities.timeline("PERSON", gen.personName(gen.samplePerson()), "week", null, null));
            cases.put("GET /entities/{t}/{n}/related (all time)", () -> entities.related("ORGANIZATION", gen.orgName(gen.sampleOrg()), null, null, "10"));
            cases.put("GET /figures?subject= (all time)", () -> figures.figures(gen.subject(r.nextInt(20)), null, null, null, null, null, null, "0", "20"));
            cases.put("GET /figures?kind=&from=&to= (30 d)", () -> {
                String[] w = window30.get();
                return figures.figures(null, null, "MONEY", null, null, w[0], w[1], "0", "20");
            });
            cases.put("GET /figures?entity= (all time)", () -> figures.figures(null, null, null, gen.personName(gen.samplePerson()), "PERSON", null, null, "0", "20"));
            cases.put("GET /articles?q= (all time, 2 words)", () -> articles.articles(null, null, null, null, null, "质量发展", null, null, "0", "20"));
            cases.put("GET /regions/{code} (all time)", () -> regions.region(gen.placeCode(gen.samplePlace()), null, null, "10"));
            cases.put("GET /regions/{province} (all time)", () -> regions.region(gen.placeCode(gen.samplePlace()).substring(0, 2) + "0000", null, null, "10"));
            cases.put("GET /trends?window=P7D", () -> trends.trends("P7D", null, null, null, "10"));
            cases.put("GET /trends?window=P30D", () -> trends.trends("P30D", null, null, null, "10"));

            System.out.printf("%n%-48s %8s %8s %8s%n", "endpoint (" + queries + " calls each)", "p50 ms", "p95 ms", "max ms");
            System.out.flush();
            for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
                for (int i = 0; i < 20; i++) {
                    json.writeValueAsString(c.getValue().get());
                }
                double[] ms = new double[queries];
                for (int i = 0; i < queries; i++) {
                    long t0 = System.nanoTime();
                    json.writeValueAsString(c.getValue().get());
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-48s %8.1f %8.1f %8.1f%n", c.getKey(), ms[queries / 2], ms[(int) Math.ceil(queries * 0.95) - 1], ms[queries - 1]);
                System.out.flush();
            }
            if (Boolean.getBoolean("bench.sizes")) {
                printSizes(factory);
            }
        }
    }

    /** CPU time of the whole process (client, in-process server, GC). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String percentiles(List<Double> values) {
        double[] ms = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (ms.length == 0) {
            return "-";
        }
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d batches)", ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1], ms.length);
    }

    /** Largest and mean BSON size per aggregate collection (MongoDB's limit is 16 MB per document). */
    private static void printSizes(MongoDatabaseFactory factory) {
        var codec = new org.bson.codecs.DocumentCodec();
        System.out.printf("%n%-28s %8s %12s %12s%n", "collection", "docs", "mean bytes", "max bytes");
        for (String c : dev.newsflow.metrics.store.Collections.AGGREGATES) {
            long count = 0;
            long total = 0;
            long max = 0;
            String maxId = "";
            for (org.bson.Document d : factory.getMongoDatabase().getCollection(c).find().batchSize(20)) {
                long size = new org.bson.RawBsonDocument(d, codec).getByteBuffer().remaining();
                count++;
                total += size;
                if (size > max) {
                    max = size;
                    maxId = String.valueOf(d.get("_id"));
                }
            }
            if (count > 0) {
                System.out.printf("%-28s %8d %12d %12d  (%s)%n", c, count, total / count, max, maxId);
            }
        }
        System.out.flush();
    }
}
