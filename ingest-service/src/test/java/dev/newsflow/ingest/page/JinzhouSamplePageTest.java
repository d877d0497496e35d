package dev.newsflow.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.ingest.page.SplitArticle.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import com.hankcs.hanlp.HanLP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real OCR'd page in ../shared (skipped when the shared folder is absent). */
class JinzhouSamplePageTest {

    static final Path SAMPLE = Path.of("../../shared/samples/jinzhou-daily-page.txt");
    static PageSplit split;

    @BeforeAll
    static void splitSample() throws IOException {
        assumeTrue(Files.isRegularFile(SAMPLE), "shared sample page not available");
        split = new PageSplitter().split(Files.readString(SAMPLE, StandardCharsets.UTF_8),
                new PageMetadata("锦州日报", "2022-08-10", "3"));
    }

    @Test
    void splitsIntoItsNineItemsWithTheirHeadlines() {
        assertThat(split.articles()).extracting(SplitArticle::headline).containsExactly(
                "锦州出实招建强重点产业链",
                "七里河村花香牛壮生态美",
                "247名年轻干部任职社区“第一书记”",
                "一线职工岗位创新成果获奖",
                "民俗节里品文化",
                "绕城公路建设如火如荼",
                "举办短视频大赛秀家乡之美",
                "“小小文化志愿者”上岗",
                "东北陆海新通道建设打开县域发展“新通道”");
    }

    @Test
    void bannersSetTheSectionOfTheItemsBelowThem() {
        assertThat(split.articles()).extracting(SplitArticle::section).containsExactly(
                null, null, null, "锦州脚步", "锦州印象", "锦州印象", "锦州印象", "图说", "图说");
    }

    @Test
    void deckAndKickerAreSubheadlines() {
        assertThat(split.articles().get(0).subheadline()).isEqualTo("上半年发放担保贷款6.43亿元,同比增长124.83%");
        assertThat(split.articles().get(8).subheadline()).isEqualTo("东北陆海新通道建设进行时");
    }

    @Test
    void rejoinsParagraphsBrokenByColumnsAndCaptions() {
        String all = String.join("\n", split.articles().stream().map(SplitArticle::body).toList());
        assertThat(all).contains("深井钻探", "管大事", "10月底", "汽车及零部件", "主管部门任产业链", "积极组织",
                "平均每年", "辅导教师", "信息平台", "聚力抓前期", "用画卷");
    }

    @Test
    void keepsCaptionsAndCreditsOutOfBodies() {
        for (SplitArticle a : split.articles()) {
            assertThat(a.body()).doesNotContain("本报记者", "本本报", "整理硅片", "泼水节上嬉戏", "头羊评选。",
                    "JIAOBU", "YINXIANG", "TUSHUO", "张益闻");
        }
        SplitArticle first = split.articles().get(0);
        assertThat(first.captions()).containsExactly("锦州阳光能源有限公司工人在车间整理硅片。");
        assertThat(first.photographers()).containsExactly("崔治");
        assertThat(split.articles().get(4).captions()).hasSize(4);
    }

    @Test
    void findsLeadsAndReporters() {
        List<SplitArticle> a = split.articles();
        assertThat(a.get(0).dateline()).isEqualTo("本报讯");
        assertThat(a.get(0).body()).startsWith("加大金融扶持力度");
        assertThat(a.get(1).reporters()).containsExactly("张益闻", "崔治");
        assertThat(a.get(2).reporters()).containsExactly("崔治");
        assertThat(a.get(2).body()).startsWith("“从现在起");
        assertThat(a.get(6).reporters()).containsExactly("文继红");
        assertThat(a.get(4).reporters()).containsExactly("崔治");
        assertThat(a.get(7).reporters()).containsExactly("崔治");
    }

    /** The same page as other OCR runs and scanners deliver it: the split must not change. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"crlf", "no-blank-lines", "double-blank-lines", "full-width", "traditional", "no-leads",
            "unpunctuated-captions", "hard-wrapped", "hard-wrapped-indented"})
    void survivesLayoutAndTypographyVariations(String variation) throws IOException {
        String page = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        String varied = switch (variation) {
            case "crlf" -> page.replace("\n", "\r\n");
            case "no-blank-lines" -> page.replaceAll("\n+", "\n");
            case "double-blank-lines" -> page.replaceAll("\n+", "\n\n\n");
            case "full-width" -> page.replace(',', '，').replace('(', '（').replace(')', '）').replace(';', '；')
                    .replace(':', '：');
            case "traditional" -> HanLP.convertToTraditionalChinese(page);
            case "no-leads" -> page.replaceAll("本报讯 (记者\\S+报道 )?", "");
            case "unpunctuated-captions" -> page.replaceAll("(?m)^(\\S{8,24})。$", "$1");
            case "hard-wrapped" -> wrap(page, 22, "");
            case "hard-wrapped-indented" -> wrap(page, 22, "\u3000\u3000");
            default -> throw new IllegalArgumentException(variation);
        };
        List<SplitArticle> articles = new PageSplitter().split(varied, PageMetadata.NONE).articles();
        assertThat(articles).hasSize(9);
        List<String> headlines = articles.stream().map(a -> HanLP.convertToSimplifiedChinese(a.headline())).toList();
        assertThat(headlines.get(1)).isEqualTo("七里河村花香牛壮生态美");
        assertThat(headlines.get(8)).contains("县域发展");
        String bodies = HanLP.convertToSimplifiedChinese(String.join("\n", articles.stream().map(SplitArticle::body).toList()));
        assertThat(bodies).contains("深井钻探", "管大事", "10月底", "汽车及零部件").doesNotContain("本本报", "整理硅片");
    }

    /** The OCR keeping the visual lines of the columns: paragraphs wrapped at {@code width} characters. */
    private static String wrap(String page, int width, String indent) {
        StringBuilder b = new StringBuilder();
        for (String line : page.split("\n", -1)) {
            if (line.length() > 30) {
                String t = indent + line;
                for (int i = 0; i < t.length(); i += width) {
                    b.append(t, i, Math.min(t.length(), i + width)).append('\n');
                }
            } else {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void marksTheStoryThatRunsOffThePage() {
        assertThat(split.articles()).extracting(SplitArticle::truncated)
                .containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(split.articles().get(0).body()).endsWith("已初");
        assertThat(split.articles()).extracting(SplitArticle::kind).containsOnly(Kind.ARTICLE);
    }
}
