package dev.newsflow.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic regional-news articles for benchmarks: our own sentence templates filled with names, places,
 * organisations and figures, so that every article is distinct (distinct id) and enrichment has real work.
 */
public final class ArticleCorpus {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "高", "林"};
    private static final String[] GIVEN = {"立军", "晓东", "海峰", "桂兰", "志刚", "雪", "明远", "红梅", "建国", "丽娜", "宏光", "静"};
    private static final String[] PLACES = {"锦州市", "义县", "凌海市", "北镇市", "黑山县", "太和区", "古塔区", "凌河区", "沈阳市", "大连市", "辽宁省", "葫芦岛市"};
    private static final String[] ORGS = {"锦州港股份有限公司", "市人力资源和社会保障局", "县农业农村局", "市总工会", "锦州银行", "市交通运输局", "区民政局", "市工业和信息化局"};
    private static final String[] SUBJECTS = {"固定资产投资", "地区生产总值", "社会消费品零售总额", "农民人均可支配收入", "货物吞吐量", "财政收入", "担保贷款"};
    private static final String[] TEMPLATES = {
        "本报讯 记者%N报道 %D,%P召开会议,部署下半年重点工作。",
        "据%O统计,上半年%P%S完成%M亿元,同比增长%R%%。",
        "%P今年新建温室大棚%C栋,带动%C户农民增收,人均增收%K元。",
        "%O负责人%N介绍,项目总投资%M亿元,占地%C亩,预计%Y年建成投产。",
        "目前,%P已累计完成%S%M万元,比上年同期增加%R个百分点。",
        "%N说:“我们将继续加大工作力度,确保全年目标任务顺利完成。”",
        "活动共吸引%C余家企业参加,提供就业岗位%K个,达成意向%C人。",
        "%P与%O签订合作协议,计划三年内引进项目%C个,总投资约%M亿元。",
        "%D,%O在%P举办专题培训班,培训基层干部%C人次。",
        "全市%S达到%M亿元,增速高于全省平均水平%R个百分点。"
    };

    private final Random random;
    private final java.time.LocalDate firstDay;
    private final int days;
    private long serial;

    /** Articles published on any day of 2024 (an archive being loaded). */
    public ArticleCorpus(long seed) {
        this(seed, java.time.LocalDate.of(2024, 1, 1), 366);
    }

    private ArticleCorpus(long seed, java.time.LocalDate firstDay, int days) {
        this.random = new Random(seed);
        this.firstDay = firstDay;
        this.days = days;
    }

    /** Articles published on the {@code days} days up to {@code lastDay}: what a live news feed sends. */
    public static ArticleCorpus liveFeed(long seed, java.time.LocalDate lastDay, int days) {
        return new ArticleCorpus(seed, lastDay.minusDays(days - 1L), days);
    }

    /** The next article as a JSON object for {@code POST /api/v1/articles} (title, body, source, section, publishedAt). */
    public String nextJson() {
        return nextJson("bench");
    }

    /** As {@link #nextJson()}, with the given {@code source} (a JSON-safe string). */
    public String nextJson(String source) {
        serial++;
        String place = pick(PLACES);
        StringBuilder body = new StringBuilder();
        int sentences = 6 + random.nextInt(6);
        for (int i = 0; i < sentences; i++) {
            if (i > 0 && i % 3 == 0) {
                body.append("\n\n");
            }
            body.append(fill(TEMPLATES[i == 0 ? 0 : 1 + random.nextInt(TEMPLATES.length - 1)], place));
        }
        body.append("(编号").append(serial).append(")");
        String title = place + pick(new String[] {"推进重点项目建设", "多措并举稳就业", "乡村振兴见实效", "营商环境持续优化"});
        java.time.LocalDate published = firstDay.plusDays(random.nextInt(days));
        return "{\"title\":\"" + title + "\",\"source\":\"" + source + "\",\"section\":\"" + pick(new String[] {"经济", "民生", "农业", "要闻"})
                + "\",\"publishedAt\":\"" + published + "\",\"body\":\"" + escape(body.toString()) + "\"}";
    }

    public List<String> next(int count) {
        List<String> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(nextJson());
        }
        return articles;
    }

    private String fill(String template, String place) {
        return template
                .replace("%N", pick(SURNAMES) + pick(GIVEN))
                .replace("%P", random.nextInt(3) == 0 ? pick(PLACES) : place)
                .replace("%O", pick(ORGS))
                .replace("%S", pick(SUBJECTS))
                .replace("%D", (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日")
                .replace("%M", String.valueOf(1 + random.nextInt(200) / 10.0))
                .replace("%R", String.valueOf(random.nextInt(300) / 10.0))
                .replace("%K", String.valueOf(1000 + random.nextInt(9000)))
                .replace("%Y", String.valueOf(2025 + random.nextInt(3)))
                .replace("%C", String.valueOf(2 + random.nextInt(500)))
                .replace("%%", "%");
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
