package dev.newsflow.nlp.enrich;

import dev.newsflow.events.ArticleEnriched.Entity;
import dev.newsflow.events.ArticleEnriched.Region;
import dev.newsflow.events.ArticleEnriched.Span;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.RegionLevel;
import dev.newsflow.nlp.ner.NerSpan;
import dev.newsflow.nlp.regions.Division;
import dev.newsflow.nlp.regions.RegionGazetteer;
import dev.newsflow.nlp.text.NormalizedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups entity mentions into one entity per real-world name. Places that are administrative divisions are
 * grouped by division (锦州 and 锦州市 are one entity named 锦州市, the full name, with its {@code regionCode});
 * other names by their normalised text and type. Mentions carry offsets into the original text. The regions list
 * holds each resolved division once with its mention count (a county implies nothing more: its code is enough to
 * roll up).
 */
final class EntityAssembler {

    record Assembly(List<Entity> entities, List<Region> regions) {
    }

    private final RegionGazetteer gazetteer;

    EntityAssembler(RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    Assembly assemble(NormalizedText text, List<NerSpan> found) {
        String normalized = text.normalized();
        List<NerSpan> spans = found.stream().map(s -> trimToDivision(normalized, s)).toList();
        List<String> placeNames = spans.stream().filter(s -> s.type() == EntityType.LOCATION)
                .map(s -> normalized.substring(s.start(), s.end())).toList();
        Map<String, Division> divisions = gazetteer.resolveAll(placeNames);

        Map<String, Builder> byKey = new LinkedHashMap<>();
        for (NerSpan span : spans.stream().sorted(Comparator.comparingInt(NerSpan::start)).toList()) {
            String name = normalized.substring(span.start(), span.end()).strip();
            if (name.isEmpty()) {
                continue;
            }
            Division division = span.type() == EntityType.LOCATION ? divisions.get(name) : null;
            String key = division != null ? "division:" + division.code() : span.type() + ":" + name;
            Builder b = byKey.computeIfAbsent(key, k -> new Builder(division != null ? division.name() : name,
                    span.type(), division));
            b.mentions.add(new Span(text.originalStart(span.start()), text.originalEnd(span.end())));
        }
        List<Entity> entities = byKey.values().stream()
                .map(Builder::build)
                .sorted(Comparator.comparingInt(Entity::count).reversed()
                        .thenComparingInt(e -> e.mentions().get(0).start()))
                .toList();
        List<Region> regions = byKey.values().stream()
                .filter(b -> b.division != null)
                .map(b -> new Region(b.division.code(), b.division.name(), b.division.level(), b.mentions.size()))
                .sorted(Comparator.comparingInt(Region::mentions).reversed().thenComparing(Region::code))
                .toList();
        return new Assembly(entities, regions);
    }

    /**
     * A place the recognizer cut too long on the left (东至凌河区) is cut back to the longest division name that ends
     * it, when the whole is no division name itself.
     */
    private NerSpan trimToDivision(String normalized, NerSpan span) {
        if (span.type() != EntityType.LOCATION || span.end() - span.start() < 4) {
            return span;
        }
        String name = normalized.substring(span.start(), span.end());
        if (gazetteer.isKnown(name) || !gazetteer.candidates(name).isEmpty() || gazetteer.resolve(name).isPresent()) {
            return span;
        }
        for (int cut = 1; cut <= name.length() - 3; cut++) {
            String tail = name.substring(cut);
            if (gazetteer.candidates(tail).stream().anyMatch(d -> d.name().equals(tail) && d.level() != RegionLevel.TOWN)) {
                return new NerSpan(span.start() + cut, span.end(), span.type());
            }
        }
        return span;
    }

    /** The most mention offsets an entity lists (its count is always complete). */
    static final int MAX_MENTIONS = 500;

    private static final class Builder {
        final String text;
        final EntityType type;
        final Division division;
        final List<Span> mentions = new ArrayList<>();

        Builder(String text, EntityType type, Division division) {
            this.text = text;
            this.type = type;
            this.division = division;
        }

        Entity build() {
            // count says how often; the offsets listed stop at MAX_MENTIONS so that a pathological text (one name
            // repeated 60,000 times) cannot blow the enriched event past the broker's message size
            List<Span> listed = mentions.size() > MAX_MENTIONS ? mentions.subList(0, MAX_MENTIONS) : mentions;
            return new Entity(text, type, mentions.size(), listed, division == null ? null : division.code());
        }
    }
}
