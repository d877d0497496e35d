package dev.newsflow.nlp.ner;

import dev.newsflow.events.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A deployment's own names, {@code name<TAB>TYPE} per line (TYPE: PERSON|LOCATION|ORGANIZATION, or PER|LOC|ORG,
 * or NONE to stop a string from ever being tagged), overriding the model: a listed name found in the text replaces
 * every model span it overlaps. The file is re-read when its modification time or size changes (checked at most
 * every {@code checkIntervalMillis}); a broken file keeps the previous dictionary.
 */
public final class OverrideDictionary {

    static final int NONE = 1 << NerLabels.TYPES;
    private static final Logger LOG = Logger.getLogger(OverrideDictionary.class.getName());

    private record Snapshot(Lexicon lexicon, FileTime modified, long size) {
    }

    private final Path file;
    private final long checkIntervalMillis;
    private volatile Snapshot snapshot = new Snapshot(Lexicon.builder().build(), null, -1);
    private volatile long nextCheck;

    public OverrideDictionary(Path file, long checkIntervalMillis) {
        this.file = file;
        this.checkIntervalMillis = checkIntervalMillis;
        refresh();
    }

    public Path file() {
        return file;
    }

    /** Names currently loaded. */
    public int size() {
        refreshIfDue();
        return snapshot.lexicon().size();
    }

    List<NerSpan> apply(char[] text, List<NerSpan> spans) {
        refreshIfDue();
        Lexicon lexicon = snapshot.lexicon();
        if (lexicon.size() == 0) {
            return spans;
        }
        List<int[]> found = lexicon.longestMatches(text);
        if (found.isEmpty()) {
            return spans;
        }
        List<NerSpan> out = new ArrayList<>();
        for (NerSpan s : spans) {
            boolean overlapped = false;
            for (int[] m : found) {
                if (m[0] < s.end() && s.start() < m[1]) {
                    overlapped = true;
                    break;
                }
            }
            if (!overlapped) {
                out.add(s);
            }
        }
        for (int[] m : found) {
            int types = m[2];
            if ((types & NONE) != 0) {
                continue;
            }
            int t = Integer.numberOfTrailingZeros(types);
            out.add(new NerSpan(m[0], m[1], NerLabels.entityType(t)));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private void refreshIfDue() {
        long now = System.currentTimeMillis();
        if (now >= nextCheck) {
            refresh();
        }
    }

    private synchronized void refresh() {
        nextCheck = System.currentTimeMillis() + checkIntervalMillis;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Snapshot current = snapshot;
            if (modified.equals(current.modified()) && size == current.size()) {
                return;
            }
            snapshot = new Snapshot(parse(Files.readAllLines(file, StandardCharsets.UTF_8)), modified, size);
            LOG.info(() -> "NER override dictionary " + file + ": " + snapshot.lexicon().size() + " names");
        } catch (NoSuchFileException e) {
            if (snapshot.modified() != null) {
                snapshot = new Snapshot(Lexicon.builder().build(), null, -1);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "NER override dictionary " + file + " not reloaded: " + e.getMessage());
        }
    }

    static Lexicon parse(List<String> lines) {
        Lexicon.Builder b = Lexicon.builder();
        int number = 0;
        for (String line : lines) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split("\t");
            if (f.length != 2 || f[0].isBlank()) {
                throw new IllegalArgumentException("line " + number + ": expected name<TAB>TYPE");
            }
            String type = f[1].strip().toUpperCase(Locale.ROOT);
            int mask = type.equals("NONE") || type.equals("O")
                    ? NONE
                    : 1 << NerLabels.typeIndex(toType(type, number));
            b.add(new String(NerText.normalize(f[0].strip())), mask);
        }
        return b.build();
    }

    private static EntityType toType(String type, int number) {
        return NerCorpus.type(type, "line " + number);
    }
}
