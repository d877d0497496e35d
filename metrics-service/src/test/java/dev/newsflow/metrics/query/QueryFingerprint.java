package dev.newsflow.metrics.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** Every query answer over a database, as one comparable string: two stores with equal fingerprints answer alike. */
public final class QueryFingerprint {

    private QueryFingerprint() {
    }

    public static String of(MongoDatabaseFactory factory, List<String[]> entities, List<String> regions) {
        AggregateReader reader = new AggregateReader(factory);
        EntityController ec = new EntityController(reader);
        ArticleController ac = new ArticleController(reader);
        FigureController fc = new FigureController(reader);
        RegionController rc = new RegionController(reader);
        TrendController tc = new TrendController(reader);
        List<Object> out = new ArrayList<>();
        out.add(ec.top(null, null, null, null, "100"));
        out.add(ec.top("PERSON", "2026-11-01", "2026-11-30", null, "100"));
        out.add(ec.top(null, "2026-11-15", "2026-12-31", null, "100"));
        for (String[] e : entities) {
            out.add(ec.timeline(e[0], e[1], "day", null, null));
            out.add(ec.related(e[0], e[1], null, null, "100"));
            out.add(ac.articles(e[1], e[0], null, null, null, null, null, null, "0", "100"));
            out.add(fc.figures(null, null, null, e[1], null, null, null, "0", "100"));
            out.add(ec.related(e[0], e[1], "2026-11-15", "2026-12-31", "100"));
            out.add(ec.timeline(e[0], e[1], "month", "2026-11-15", null));
        }
        for (String r : regions) {
            out.add(rc.region(r, null, null, "100"));
            out.add(ec.top(null, null, null, r, "100"));
            out.add(ac.articles(null, null, null, null, r, null, null, null, "0", "100"));
            out.add(rc.region(r, "2026-11-01", "2026-11-20", "100"));
            out.add(ec.top(null, "2026-10-15", null, r, "100"));
        }
        for (String q : List.of("贷款", "凌海市", "标题", "a", "正文")) {
            out.add(ac.articles(null, null, null, null, null, q, null, null, "0", "100"));
            out.add(ac.articles(null, null, null, null, null, q, "2026-11-01", "2026-11-20", "0", "100"));
        }
        for (String kind : List.of("MONEY", "PERCENT", "MEASURE")) {
            out.add(fc.figures(null, null, kind, null, null, null, null, "0", "100"));
            out.add(fc.figures(null, null, kind, null, null, "2026-11-01", "2026-11-20", "0", "100"));
        }
        out.add(fc.figures("余额", null, null, null, null, null, null, "0", "100"));
        out.add(tc.trends("P30D", null, null, "1", "100"));
        out.add(ac.articles(null, null, null, null, null, null, null, null, "0", "100"));
        out.add(fc.figures(null, null, null, null, null, null, null, "0", "100"));
        out.add(tc.trends("P7D", null, null, "1", "100"));
        return out.toString();
    }
}
