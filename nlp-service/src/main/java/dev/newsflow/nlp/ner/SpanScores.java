package dev.newsflow.nlp.ner;

import dev.newsflow.events.EntityType;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Span-level precision, recall and F1 (exact start, end and type), per type and overall. Not thread-safe. */
public final class SpanScores {

    private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);

    public SpanScores() {
        for (EntityType t : EntityType.values()) {
            counts.put(t, new int[3]);
        }
    }

    public void add(List<NerSpan> gold, List<NerSpan> predicted) {
        Set<NerSpan> goldSet = new HashSet<>(gold);
        Set<NerSpan> predSet = new HashSet<>(predicted);
        for (NerSpan p : predSet) {
            counts.get(p.type())[goldSet.contains(p) ? 0 : 1]++;
        }
        for (NerSpan g : goldSet) {
            if (!predSet.contains(g)) {
                counts.get(g.type())[2]++;
            }
        }
    }

    private int[] total() {
        int[] t = new int[3];
        for (int[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        }
        return t;
    }

    public double f1() {
        return f1(total());
    }

    public double f1(EntityType type) {
        return f1(counts.get(type));
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    private static double f1(int[] c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static String line(String name, int[] c) {
        return String.format(Locale.ROOT, "%-13s P %.4f  R %.4f  F1 %.4f  (gold %d, predicted %d, correct %d)",
                name, precision(c), recall(c), f1(c), c[0] + c[2], c[0] + c[1], c[0]);
    }

    /** One line per type and one overall. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<EntityType, int[]> e : counts.entrySet()) {
            sb.append(line(e.getKey().name(), e.getValue())).append('\n');
        }
        sb.append(line("OVERALL", total()));
        return sb.toString();
    }

    /** Compact: "F1 0.8321 (PER 0.7600 / LOC 0.8900 / ORG 0.8000)". */
    public String summary() {
        return String.format(Locale.ROOT, "F1 %.4f (PER %.4f / LOC %.4f / ORG %.4f)", f1(),
                f1(EntityType.PERSON), f1(EntityType.LOCATION), f1(EntityType.ORGANIZATION));
    }
}
