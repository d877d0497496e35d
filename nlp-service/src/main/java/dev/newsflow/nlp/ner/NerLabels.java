package dev.newsflow.nlp.ner;

import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.List;

/** BIOES labels over the three entity types: 0 = O, then B, I, E, S for PERSON, LOCATION, ORGANIZATION. */
public final class NerLabels {

    public static final int TYPES = 3;
    public static final int COUNT = 1 + 4 * TYPES;
    public static final int O = 0;
    static final int B = 0;
    static final int I = 1;
    static final int E = 2;
    static final int S = 3;

    private static final EntityType[] BY_INDEX = {EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION};
    /** allowed[prev][cur]; prev == COUNT is the sentence start. */
    static final boolean[][] ALLOWED = new boolean[COUNT + 1][COUNT];
    static final boolean[] ALLOWED_LAST = new boolean[COUNT];

    static {
        for (int prev = 0; prev <= COUNT; prev++) {
            for (int cur = 0; cur < COUNT; cur++) {
                boolean open = prev < COUNT && prev != O && (role(prev) == B || role(prev) == I);
                if (open) {
                    ALLOWED[prev][cur] = cur != O && type(cur) == type(prev) && (role(cur) == I || role(cur) == E);
                } else {
                    ALLOWED[prev][cur] = cur == O || role(cur) == B || role(cur) == S;
                }
            }
        }
        for (int cur = 0; cur < COUNT; cur++) {
            ALLOWED_LAST[cur] = cur == O || role(cur) == E || role(cur) == S;
        }
    }

    private NerLabels() {
    }

    public static int label(int type, int role) {
        return 1 + 4 * type + role;
    }

    static int type(int label) {
        return (label - 1) / 4;
    }

    static int role(int label) {
        return (label - 1) % 4;
    }

    public static int typeIndex(EntityType type) {
        return switch (type) {
            case PERSON -> 0;
            case LOCATION -> 1;
            case ORGANIZATION -> 2;
        };
    }

    public static EntityType entityType(int typeIndex) {
        return BY_INDEX[typeIndex];
    }

    /** Writes the BIOES labels of {@code spans} into {@code labels} (length = text length). */
    public static void encode(List<NerSpan> spans, int[] labels) {
        for (NerSpan s : spans) {
            int t = typeIndex(s.type());
            if (s.end() - s.start() == 1) {
                labels[s.start()] = label(t, S);
            } else {
                labels[s.start()] = label(t, B);
                for (int i = s.start() + 1; i < s.end() - 1; i++) {
                    labels[i] = label(t, I);
                }
                labels[s.end() - 1] = label(t, E);
            }
        }
    }

    /** Reads spans back from well-formed BIOES labels. */
    public static List<NerSpan> decode(int[] labels, int length) {
        List<NerSpan> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < length; i++) {
            int l = labels[i];
            if (l == O) {
                start = -1;
                continue;
            }
            int r = role(l);
            if (r == S) {
                spans.add(new NerSpan(i, i + 1, BY_INDEX[type(l)]));
                start = -1;
            } else if (r == B) {
                start = i;
            } else if (r == E && start >= 0) {
                spans.add(new NerSpan(start, i + 1, BY_INDEX[type(l)]));
                start = -1;
            }
        }
        return spans;
    }
}
