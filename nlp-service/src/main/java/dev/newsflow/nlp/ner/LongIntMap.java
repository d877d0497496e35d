package dev.newsflow.nlp.ner;

/**
 * Open-addressing map from non-zero long keys to non-negative ints; {@link #get} answers -1 when absent. Key and
 * value share one array slot pair, so a lookup touches one cache line (decoding is bound by these lookups).
 */
public final class LongIntMap {

    private long[] table;
    private int size;
    private int mask;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        table = new long[2 * capacity];
        mask = capacity - 1;
    }

    static int slot(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        return (int) key;
    }

    public int get(long key) {
        int i = slot(key) & mask;
        while (true) {
            long k = table[2 * i];
            if (k == key) {
                return (int) table[2 * i + 1];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    public void put(long key, int value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        int i = slot(key) & mask;
        while (true) {
            long k = table[2 * i];
            if (k == key) {
                table[2 * i + 1] = value;
                return;
            }
            if (k == 0) {
                table[2 * i] = key;
                table[2 * i + 1] = value;
                if (++size * 2 > mask + 1) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code delta} to the value of {@code key} (0 when absent) and returns the new value. */
    public int add(long key, int delta) {
        int old = get(key);
        int now = (old < 0 ? 0 : old) + delta;
        put(key, now);
        return now;
    }

    public int size() {
        return size;
    }

    public interface Entry {
        void accept(long key, int value);
    }

    public void forEach(Entry entry) {
        for (int i = 0; i <= mask; i++) {
            if (table[2 * i] != 0) {
                entry.accept(table[2 * i], (int) table[2 * i + 1]);
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = (old.length) - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }
}
