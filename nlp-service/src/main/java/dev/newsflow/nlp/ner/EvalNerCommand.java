package dev.newsflow.nlp.ner;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code newsflow eval-ner FILE.jsonl [--baseline] [--model FILE]}: span-level precision, recall and F1 per type
 * and overall (exact start, end and type), and the recognizer's speed in characters per second on one thread.
 */
public final class EvalNerCommand {

    private EvalNerCommand() {
    }

    public static int run(String[] args) {
        Path file = null;
        boolean baseline = false;
        Path model = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println("""
                            usage: newsflow eval-ner FILE.jsonl [--baseline] [--model MODEL.bin.gz]
                              Scores the entity recognizer on FILE (JSON Lines: {"text", "entities": [{"start", "end", "type"}]}),
                              span-level P/R/F1 per type and overall, and its speed in chars/s on one thread.
                              --baseline  also score HanLP's default HMM recognizer on the same file
                              --model     score this model file instead of the one in the jar""");
                    return 0;
                }
                case "--baseline" -> baseline = true;
                case "--model" -> {
                    if (i + 1 >= args.length) {
                        System.err.println("eval-ner: --model needs a file");
                        return 2;
                    }
                    model = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        System.err.println("eval-ner: unexpected argument " + args[i] + " (see --help)");
                        return 2;
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            System.err.println("eval-ner: give a FILE.jsonl (see --help)");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("eval-ner: no such file " + file);
            return 2;
        }
        List<NerCorpus.Sentence> sentences;
        try {
            sentences = NerCorpus.read(file);
        } catch (RuntimeException e) {
            System.err.println("eval-ner: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        EntityRecognizer recognizer;
        if (model != null) {
            try (InputStream in = Files.newInputStream(model)) {
                recognizer = new PerceptronEntityRecognizer(NerModel.load(in), EntityRecognizers.overrideDictionary());
            } catch (IOException e) {
                System.err.println("eval-ner: cannot load model " + model + ": " + e.getMessage());
                return 2;
            }
        } else {
            recognizer = EntityRecognizers.load();
        }
        List<EntityRecognizer> recognizers = new ArrayList<>(List.of(recognizer));
        if (baseline) {
            recognizers.add(new HanlpEntityRecognizer());
        }
        for (EntityRecognizer r : recognizers) {
            Result result = evaluate(r, sentences);
            System.out.printf(Locale.ROOT, "%s on %s (%d sentences, %d chars)%n", r.modelVersion(), file,
                    sentences.size(), result.chars());
            System.out.println(result.scores().report());
            System.out.printf(Locale.ROOT, "speed: %.0f chars/s on one thread (wall clock), %.0f chars per CPU-second%n%n",
                    result.charsPerSecond(), result.charsPerCpuSecond());
        }
        return 0;
    }

    /** Wall-clock speed and speed per CPU-second of the calling thread (steadier on a busy machine). */
    record Result(SpanScores scores, long chars, double charsPerSecond, double charsPerCpuSecond) {
    }

    static Result evaluate(EntityRecognizer recognizer, List<NerCorpus.Sentence> sentences) {
        // warm up on a slice so the timing reflects steady state
        int warm = Math.min(sentences.size(), 300);
        for (int i = 0; i < warm; i++) {
            recognizer.recognize(sentences.get(i).text());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        SpanScores scores = new SpanScores();
        long chars = 0;
        long nanos = 0;
        long cpuNanos = 0;
        for (NerCorpus.Sentence s : sentences) {
            long c = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long t = System.nanoTime();
            List<NerSpan> predicted = recognizer.recognize(s.text());
            nanos += System.nanoTime() - t;
            cpuNanos += cpu ? threads.getCurrentThreadCpuTime() - c : 0;
            chars += s.text().length();
            scores.add(s.spans(), predicted);
        }
        return new Result(scores, chars, nanos == 0 ? 0 : chars * 1e9 / nanos,
                cpuNanos == 0 ? 0 : chars * 1e9 / cpuNanos);
    }
}
