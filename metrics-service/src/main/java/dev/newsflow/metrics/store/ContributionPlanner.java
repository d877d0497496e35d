package dev.newsflow.metrics.store;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleEnriched.Entity;
import dev.newsflow.events.ArticleEnriched.Figure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Turns an enriched article into its contribution to every aggregate. Pure and deterministic: the same article
 * always yields the same paths and tags, which is what makes re-applying it a no-op and the rebuild identical.
 */
@Component
public class ContributionPlanner {

    public static final int COOC_SHARDS = 8;
    static final int MAX_ENTITIES = 40;
    static final int MAX_KEYWORDS = 15;

    Plan plan(ArticleEnriched a) {
        String id = a.id();
        LocalDate day = Days.of(a);
        String d = day.toString();
        String month = d.substring(0, 7);

        Set<String> entityKeys = new LinkedHashSet<>();
        for (Entity e : a.entities()) {
            if (e.type() != null && e.text() != null && !e.text().isBlank() && entityKeys.size() < MAX_ENTITIES) {
                entityKeys.add(Keys.entity(e.type(), e.text().strip()));
            }
        }
        Set<String> regionCodes = new TreeSet<>();
        for (Entity e : a.entities()) {
            regionCodes.addAll(Regions.rollUp(e.regionCode()));
        }
        for (ArticleEnriched.Region r : a.regions()) {
            regionCodes.addAll(Regions.rollUp(r.code()));
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (ArticleEnriched.Keyword k : a.keywords()) {
            if (k.text() != null && !k.text().isBlank() && keywords.size() < MAX_KEYWORDS) {
                keywords.add(Keys.encode(k.text().strip()));
            }
        }

        List<BucketOp> ops = new ArrayList<>();

        List<String> dayIncs = new ArrayList<>();
        List<String> dayPushes = new ArrayList<>();
        dayIncs.add("counts.total");
        dayPushes.add("posts.all");
        for (String k : entityKeys) {
            dayIncs.add("counts.ent." + k);
            dayPushes.add("posts.ent." + k);
        }
        if (present(a.source())) {
            String s = Keys.encode(a.source().strip());
            dayIncs.add("counts.src." + s);
            dayPushes.add("posts.src." + s);
        }
        if (present(a.section())) {
            String s = Keys.encode(a.section().strip());
            dayIncs.add("counts.sec." + s);
            dayPushes.add("posts.sec." + s);
        }
        for (String code : regionCodes) {
            dayIncs.add("counts.reg." + code);
            dayPushes.add("posts.reg." + code);
            for (String k : entityKeys) {
                dayIncs.add("counts.regent." + code + "." + k);
            }
        }
        for (String k : keywords) {
            dayIncs.add("counts.kw." + k);
        }
        ops.add(op(Collections.DAYS, d, id, dayIncs, dayPushes));

        List<String> monthIncs = new ArrayList<>();
        monthIncs.add("counts.total");
        for (String k : entityKeys) {
            monthIncs.add("counts.ent." + k);
        }
        ops.add(op(Collections.MONTHS, month, id, monthIncs, List.of()));

        Map<Integer, List<String>> cooc = new LinkedHashMap<>();
        for (String k : entityKeys) {
            for (String other : entityKeys) {
                if (!k.equals(other)) {
                    cooc.computeIfAbsent(shard(k), s -> new ArrayList<>()).add("co." + k + "." + other);
                }
            }
        }
        cooc.forEach((s, incs) -> ops.add(op(Collections.COOCCURRENCE, d + "|" + s, id, incs, List.of())));

        List<Document> figures = new ArrayList<>();
        List<String> entityList = List.copyOf(entityKeys);
        for (int i = 0; i < a.figures().size(); i++) {
            Figure f = a.figures().get(i);
            if (f.value() == null) {
                continue;
            }
            Document doc = new Document("_id", id + "|" + i)
                    .append("article", id)
                    .append("day", d)
                    .append("subject", f.subject())
                    .append("value", f.value().doubleValue())
                    .append("valueText", f.value().toPlainString())
                    .append("unit", f.unit())
                    .append("kind", f.kind() == null ? null : f.kind().name())
                    .append("approximate", f.approximate())
                    .append("qualifier", f.qualifier())
                    .append("text", f.text())
                    .append("entities", entityList);
            if (f.change() != null) {
                doc.append("change", new Document("direction", f.change().direction())
                        .append("percent", f.change().percent() == null ? null : f.change().percent().toPlainString())
                        .append("points", f.change().points() == null ? null : f.change().points().toPlainString())
                        .append("basis", f.change().basis()));
            }
            figures.add(doc);
        }
        Map<String, List<Document>> bySubject = new LinkedHashMap<>();
        for (Document f : figures) {
            String subject = f.getString("subject");
            if (subject != null && !subject.isBlank() && subject.length() <= 100) {
                Document item = new Document(f);
                item.remove("article");
                item.append("a", id);
                bySubject.computeIfAbsent(subject.strip(), k -> new ArrayList<>()).add(item);
            }
        }
        bySubject.forEach((subject, items) -> {
            String bucket = subject + "|" + month;
            String basis = Collections.FIGURE_SUBJECTS + "\u0000" + bucket + "\u0000" + items.stream().map(Document::toJson).toList();
            ops.add(new BucketOp(Collections.FIGURE_SUBJECTS, bucket, id + "@" + sha256(basis).substring(0, 12),
                    List.of(), List.of(), List.copyOf(items)));
        });
        return new Plan(ops, figures);
    }

    public static int shard(String entityKey) {
        return Math.floorMod(entityKey.hashCode(), COOC_SHARDS);
    }

    private static BucketOp op(String collection, String bucketId, String articleId, List<String> incs, List<String> pushes) {
        String basis = collection + "\u0000" + bucketId + "\u0000" + String.join("\u0001", incs) + "\u0000" + String.join("\u0001", pushes);
        return new BucketOp(collection, bucketId, articleId + "@" + sha256(basis).substring(0, 12), List.copyOf(incs), List.copyOf(pushes));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
