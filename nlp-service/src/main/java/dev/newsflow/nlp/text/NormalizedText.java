package dev.newsflow.nlp.text;

/**
 * Text prepared for analysis together with the way back to the text as submitted. Every character of
 * {@link #normalized()} comes from one original character (converted 1:1: full width to half width, traditional to
 * simplified); characters of the original may have been dropped (OCR artefacts). {@link #originalStart} and
 * {@link #originalEnd} map a span of the normalised text to the span of the original it was made from.
 */
public final class NormalizedText {

    private final String original;
    private final String normalized;
    /** {@code sources[i]} = index in the original of the character at normalised index {@code i}. */
    private final int[] sources;

    NormalizedText(String original, String normalized, int[] sources) {
        if (sources.length != normalized.length()) {
            throw new IllegalArgumentException("one source index per normalised character");
        }
        this.original = original;
        this.normalized = normalized;
        this.sources = sources;
    }

    /** The identity normalisation. */
    public static NormalizedText identity(String text) {
        int[] sources = new int[text.length()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = i;
        }
        return new NormalizedText(text, text, sources);
    }

    public String original() {
        return original;
    }

    public String normalized() {
        return normalized;
    }

    /** Original index of the normalised index {@code start} (a start offset, inclusive). */
    public int originalStart(int start) {
        if (start >= sources.length) {
            return original.length();
        }
        return sources[start];
    }

    /** Original end offset (exclusive) of a normalised span ending at {@code end} (exclusive), {@code end > 0}. */
    public int originalEnd(int end) {
        if (end <= 0) {
            return sources.length == 0 ? 0 : sources[0];
        }
        return sources[Math.min(end, sources.length) - 1] + 1;
    }

    /** The original text of a normalised span. */
    public String originalText(int start, int end) {
        return original.substring(originalStart(start), originalEnd(end));
    }
}
