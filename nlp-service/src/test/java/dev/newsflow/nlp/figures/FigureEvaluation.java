package dev.newsflow.nlp.figures;

import dev.newsflow.events.ArticleEnriched.Change;
import dev.newsflow.events.ArticleEnriched.Figure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Precision and recall of {@link FigureExtractor} against annotated figures. A predicted figure matches an expected
 * one when their spans overlap and kind, unit, value and approximate flag are all equal (one-to-one). Change
 * accuracy is reported separately over the matched pairs where either side has a change.
 *
 * <p>Run: {@code java -cp <test classpath> dev.newsflow.nlp.figures.FigureEvaluation [-v] [--held-out-errors]} from
 * the module dir (FigureEvaluationTest prints the same report). {@code -v} lists the errors of the dev fixtures and
 * the sample page; the held-out errors stay hidden unless asked for, so that tuning does not look at them.
 */
public final class FigureEvaluation {

    static final String DEV = "/figures/figures-fixtures.jsonl";
    static final String HELD_OUT = "/figures/figures-heldout.jsonl";
    static final String HELD_OUT_2 = "/figures/figures-heldout-2.jsonl";
    static final String SAMPLE_ANNOTATIONS = "/figures/jinzhou-page-figures.json";
    static final String SAMPLE_PAGE = "shared/samples/jinzhou-daily-page.txt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Expected(String text, BigDecimal value, String unit, String kind, boolean approximate, int start, int end,
                    Change change) {
    }

    record Article(String id, String text, List<Expected> figures) {
    }

    record Score(String name, int expected, int predicted, int matched, int changeTotal, int changeCorrect,
                 List<String> errors) {
        double precision() {
            return predicted == 0 ? 1.0 : (double) matched / predicted;
        }

        double recall() {
            return expected == 0 ? 1.0 : (double) matched / expected;
        }

        double changeAccuracy() {
            return changeTotal == 0 ? 1.0 : (double) changeCorrect / changeTotal;
        }

        String summary() {
            return String.format("%-22s P=%.3f R=%.3f (matched %d, expected %d, predicted %d) change accuracy %.3f (%d/%d)",
                    name, precision(), recall(), matched, expected, predicted, changeAccuracy(), changeCorrect,
                    changeTotal);
        }
    }

    private FigureEvaluation() {
    }

    static List<Article> loadFixtures(String resource) {
        List<Article> articles = new ArrayList<>();
        for (String line : readResource(resource).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode a = JSON.readTree(line);
            List<Expected> figures = new ArrayList<>();
            for (JsonNode f : a.get("figures")) {
                figures.add(expected(f, f.get("start").asInt(), f.get("end").asInt()));
            }
            articles.add(new Article(a.get("id").asString(), a.get("text").asString(), figures));
        }
        return articles;
    }

    /** The sample page with its annotations (keyed by text + occurrence), when ../shared is there. */
    static Optional<Article> loadSamplePage() {
        Optional<Path> page = findShared();
        if (page.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(page.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Expected> figures = new ArrayList<>();
        for (JsonNode f : JSON.readTree(readResource(SAMPLE_ANNOTATIONS)).get("figures")) {
            String t = f.get("text").asString();
            int occurrence = f.get("occurrence").asInt();
            int at = -1;
            for (int k = 0; k < occurrence; k++) {
                at = text.indexOf(t, at + 1);
                if (at < 0) {
                    throw new IllegalStateException("sample page: occurrence " + occurrence + " of " + t + " not found");
                }
            }
            figures.add(expected(f, at, at + t.length()));
        }
        return Optional.of(new Article("jinzhou-daily-page", text, figures));
    }

    static Optional<Path> findShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SAMPLE_PAGE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Expected expected(JsonNode f, int start, int end) {
        Change change = null;
        JsonNode c = f.get("change");
        if (c != null && !c.isNull()) {
            change = new Change(c.get("direction").asString(), decimal(c.get("percent")), decimal(c.get("points")),
                    c.get("basis").asString());
        }
        return new Expected(f.get("text").asString(), new BigDecimal(f.get("value").asString()),
                f.get("unit").asString(), f.get("kind").asString(), f.get("approximate").asBoolean(), start, end, change);
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : new BigDecimal(n.asString());
    }

    private static String readResource(String resource) {
        try (InputStream in = FigureEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Score evaluate(String name, FigureExtractor extractor, List<Article> articles) {
        int expected = 0;
        int predicted = 0;
        int matched = 0;
        int changeTotal = 0;
        int changeCorrect = 0;
        List<String> errors = new ArrayList<>();
        for (Article article : articles) {
            List<Figure> found = extractor.extract(article.text());
            boolean[] used = new boolean[found.size()];
            expected += article.figures().size();
            predicted += found.size();
            for (Expected e : article.figures()) {
                int hit = -1;
                Figure overlapping = null;
                for (int k = 0; k < found.size(); k++) {
                    Figure f = found.get(k);
                    if (used[k] || f.end() <= e.start() || f.start() >= e.end()) {
                        continue;
                    }
                    overlapping = f;
                    if (f.kind().name().equals(e.kind()) && f.unit().equals(e.unit())
                            && f.value().compareTo(e.value()) == 0 && f.approximate() == e.approximate()) {
                        hit = k;
                        break;
                    }
                }
                if (hit < 0) {
                    errors.add(article.id() + " MISSED " + e.text() + " " + e.value().toPlainString() + " " + e.unit()
                            + " " + e.kind() + (e.approximate() ? " ~" : "")
                            + (overlapping == null ? "" : "   got " + describe(overlapping)));
                    continue;
                }
                used[hit] = true;
                matched++;
                Figure f = found.get(hit);
                if (e.change() != null || f.change() != null) {
                    changeTotal++;
                    if (sameChange(e.change(), f.change())) {
                        changeCorrect++;
                    } else {
                        errors.add(article.id() + " CHANGE " + e.text() + " expected " + e.change() + " got "
                                + f.change());
                    }
                }
            }
            for (int k = 0; k < found.size(); k++) {
                if (!used[k]) {
                    errors.add(article.id() + " SPURIOUS " + describe(found.get(k)));
                }
            }
        }
        return new Score(name, expected, predicted, matched, changeTotal, changeCorrect, errors);
    }

    static boolean sameChange(Change a, Change b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.direction().equals(b.direction()) && Objects.equals(a.basis(), b.basis())
                && sameDecimal(a.percent(), b.percent()) && sameDecimal(a.points(), b.points());
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static String describe(Figure f) {
        return f.text() + " [" + f.start() + "," + f.end() + ") " + f.value().toPlainString() + " " + f.unit() + " "
                + f.kind() + (f.approximate() ? " ~" + f.qualifier() : "") + (f.subject() == null ? "" : " subj=" + f.subject())
                + (f.change() == null ? "" : " " + f.change());
    }

    /** Characters per second on one thread over the given texts (after a warm-up). */
    static double throughput(FigureExtractor extractor, List<String> texts, int rounds) {
        long chars = 0;
        for (String t : texts) {
            chars += t.length();
        }
        for (int r = 0; r < Math.max(1, rounds / 4); r++) {
            for (String t : texts) {
                extractor.extract(t);
            }
        }
        long began = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String t : texts) {
                extractor.extract(t);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return chars * rounds / seconds;
    }

    static List<Score> scoreAll(FigureExtractor extractor) {
        List<Score> scores = new ArrayList<>();
        scores.add(evaluate("fixtures (dev)", extractor, loadFixtures(DEV)));
        scores.add(evaluate("fixtures (held-out)", extractor, loadFixtures(HELD_OUT)));
        scores.add(evaluate("fixtures (held-out-2)", extractor, loadFixtures(HELD_OUT_2)));
        loadSamplePage().ifPresent(p -> scores.add(evaluate("jinzhou sample page", extractor, List.of(p))));
        return scores;
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        boolean verbose = options.contains("-v");
        boolean heldOutErrors = options.contains("--held-out-errors");
        FigureExtractor extractor = new FigureExtractor();
        for (Score s : scoreAll(extractor)) {
            System.out.println(s.summary());
            if (verbose && (!s.name().contains("held-out") || heldOutErrors)) {
                s.errors().forEach(e -> System.out.println("    " + e));
            }
        }
        List<String> texts = new ArrayList<>();
        loadFixtures(DEV).forEach(a -> texts.add(a.text()));
        loadFixtures(HELD_OUT).forEach(a -> texts.add(a.text()));
        loadFixtures(HELD_OUT_2).forEach(a -> texts.add(a.text()));
        loadSamplePage().ifPresent(a -> texts.add(a.text()));
        System.out.printf("throughput (1 thread): %.0f chars/s%n", throughput(extractor, texts, 2000));
    }
}
