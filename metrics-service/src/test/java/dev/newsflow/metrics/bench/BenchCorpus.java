package dev.newsflow.metrics.bench;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.events.ArticleEnriched.Entity;
import dev.newsflow.events.ArticleEnriched.Figure;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.FigureKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a year of enriched articles with Zipf-distributed entities, subjects, keywords and sources, the
 * way news is: a few names everywhere, a long tail named once.
 */
public final class BenchCorpus {

    public static final LocalDate LAST_DAY = LocalDate.parse("2026-11-28");
    /** Days the corpus spans ({@code -Dbench.days}, default 365): fewer days, same articles per day, on a smaller store. */
    public static final int DAYS = Integer.getInteger("bench.days", 365);
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏飞海波宁玉兰红梅志刚春雪晨阳佳欣雨萱子涵浩然俊杰";
    private static final String[] ORG_SUFFIX = {"银行", "集团", "公司", "局", "委员会", "大学", "医院", "协会", "研究院", "商会"};
    private static final String[] SUBJECTS = {"贷款余额", "存款余额", "地区生产总值", "固定资产投资", "社会消费品零售总额", "工业增加值",
            "财政收入", "进出口总额", "粮食产量", "居民人均可支配收入", "新增就业", "招商引资", "游客人数", "旅游收入", "税收",
            "营业收入", "利润", "专项债", "投资额", "用电量"};
    private static final String[] SOURCES = new String[40];
    private static final String[] SECTIONS = {"要闻", "经济", "社会", "文化", "体育", "法治", "县区", "民生", "评论", "国际", "科技", "教育"};
    private static final String REAL_TEXT = realText();
    private static final String TEXT = "锦州市委市政府召开会议部署经济工作推动高质量发展全面振兴新突破三年行动加快建设现代化产业体系"
            + "坚持以人民为中心的发展思想持续优化营商环境扎实推进乡村振兴做好民生保障工作确保各项任务落到实处";

    private final SplittableRandom random;
    private final Zipf persons = new Zipf(20_000, 1.05);
    private final Zipf orgs = new Zipf(5_000, 1.05);
    private final Zipf places = new Zipf(3_000, 1.0);
    private final Zipf subjects = new Zipf(SUBJECTS.length * 15, 1.1);
    private final Zipf keywords = new Zipf(8_000, 1.0);
    private final Zipf sources = new Zipf(SOURCES.length, 1.2);
    private final String[] placeCodes = new String[3_000];
    private final List<String> personNames = new ArrayList<>();
    private final List<String> orgNames = new ArrayList<>();

    public BenchCorpus(long seed) {
        random = new SplittableRandom(seed);
        for (int i = 0; i < SOURCES.length; i++) {
            SOURCES[i] = i == 0 ? "锦州日报" : "来源" + i;
        }
        int[] provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < placeCodes.length; i++) {
            int p = i < 600 ? 21 : provinces[r.nextInt(provinces.length)];
            placeCodes[i] = String.format("%02d%02d%02d", p, 1 + r.nextInt(14), r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(20));
        }
        for (int i = 0; i < 20_000; i++) {
            personNames.add("" + SURNAMES.charAt(i % SURNAMES.length()) + GIVEN.charAt((i / SURNAMES.length()) % GIVEN.length())
                    + (i >= SURNAMES.length() * GIVEN.length() ? GIVEN.charAt(i % 7 + 3) : ""));
        }
        for (int i = 0; i < 5_000; i++) {
            orgNames.add("锦" + TEXT.charAt(i % TEXT.length()) + TEXT.charAt((i / TEXT.length()) % TEXT.length()) + ORG_SUFFIX[i % ORG_SUFFIX.length]);
        }
    }

    public ArticleEnriched article(int n) {
        return article(n, LAST_DAY.minusDays(random.nextInt(DAYS)));
    }

    /** Like {@link #article(int)} but published on the given day (a live feed delivers today's news). */
    public ArticleEnriched article(int n, LocalDate day) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        int np = 1 + random.nextInt(5);
        int no = 1 + random.nextInt(3);
        int nl = 1 + random.nextInt(3);
        for (int i = 0; i < np; i++) {
            String name = personNames.get(persons.sample(random));
            entities.putIfAbsent("P" + name, new Entity(name, EntityType.PERSON, 1 + random.nextInt(3), List.of(), null));
        }
        for (int i = 0; i < no; i++) {
            String name = orgNames.get(orgs.sample(random));
            entities.putIfAbsent("O" + name, new Entity(name, EntityType.ORGANIZATION, 1 + random.nextInt(3), List.of(), null));
        }
        for (int i = 0; i < nl; i++) {
            int p = places.sample(random);
            entities.putIfAbsent("L" + p, new Entity("地名" + p, EntityType.LOCATION, 1 + random.nextInt(3), List.of(), placeCodes[p]));
        }
        List<Figure> figures = new ArrayList<>();
        int nf = random.nextInt(7);
        for (int i = 0; i < nf; i++) {
            int s = subjects.sample(random);
            String subject = SUBJECTS[s % SUBJECTS.length] + (s >= SUBJECTS.length ? "（" + (s / SUBJECTS.length) + "）" : "");
            FigureKind kind = switch (random.nextInt(5)) {
                case 0, 1 -> FigureKind.MONEY;
                case 2 -> FigureKind.PERCENT;
                case 3 -> FigureKind.COUNT;
                default -> FigureKind.MEASURE;
            };
            String unit = switch (kind) {
                case MONEY -> "CNY";
                case PERCENT -> "%";
                case COUNT -> "个";
                default -> "吨";
            };
            BigDecimal value = BigDecimal.valueOf(1 + random.nextInt(100_000)).multiply(BigDecimal.valueOf(kind == FigureKind.MONEY ? 10_000 : 1));
            figures.add(new Figure(value + unit, value, unit, kind, random.nextInt(4) == 0, null, 0, 5, subject,
                    random.nextBoolean() ? new ArticleEnriched.Change(random.nextBoolean() ? "UP" : "DOWN",
                            BigDecimal.valueOf(random.nextInt(500), 1), null, "YEAR_ON_YEAR") : null));
        }
        List<ArticleEnriched.Keyword> kws = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            kws.add(new ArticleEnriched.Keyword("词" + keywords.sample(random), 1.0 / (i + 1)));
        }
        StringBuilder body = new StringBuilder();
        int len = 300 + random.nextInt(900);
        if (REAL_TEXT != null && REAL_TEXT.length() > len) {
            // -Dbench.text=FILE: windows of real newspaper text (hundreds of distinct bigrams per article, as in production)
            int start = random.nextInt(REAL_TEXT.length() - len);
            body.append(REAL_TEXT, start, start + len);
        }
        while (body.length() < len) {
            int start = random.nextInt(TEXT.length() - 20);
            body.append(TEXT, start, start + 20).append('。');
        }
        Instant ingested = day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(random.nextInt(86_000));
        return new ArticleEnriched(1, id(n), "zh", "第" + n + "号文章", body.toString(), SOURCES[sources.sample(random)], null,
                SECTIONS[random.nextInt(SECTIONS.length)], day.toString(), ingested, null, new ArrayList<>(entities.values()),
                figures, List.of(), kws, "摘要", List.of(), null, new ArticleEnriched.Provenance("bench", "m1", ingested.plusSeconds(1)));
    }

    private static String realText() {
        String file = System.getProperty("bench.text");
        if (file == null) {
            return null;
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).replaceAll("\\s+", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String id(int n) {
        return String.format("%024x", (long) n * 2654435761L & 0xffffffffffL);
    }

    public String personName(int rank) {
        return personNames.get(rank);
    }

    public String orgName(int rank) {
        return orgNames.get(rank);
    }

    public String placeCode(int rank) {
        return placeCodes[rank];
    }

    public String subject(int rank) {
        return SUBJECTS[rank % SUBJECTS.length];
    }

    public int samplePerson() {
        return persons.sample(random);
    }

    public int sampleOrg() {
        return orgs.sample(random);
    }

    public int samplePlace() {
        return places.sample(random);
    }

    SplittableRandom random() {
        return random;
    }

    /** Zipf over ranks 0..n-1 with exponent s, by inverse CDF. */
    static final class Zipf {
        private final double[] cdf;

        Zipf(int n, double s) {
            cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cdf[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cdf[i] /= sum;
            }
        }

        int sample(SplittableRandom r) {
            int i = java.util.Arrays.binarySearch(cdf, r.nextDouble());
            return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
        }
    }
}
