package dev.newsflow.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsflow.ingest.page.SplitArticle.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages composed for the layouts the sample does not show. */
class PageSplitterTest {

    private final PageSplitter splitter = new PageSplitter();

    private List<SplitArticle> split(String page) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/pages/" + page)) {
            return splitter.split(new String(in.readAllBytes(), StandardCharsets.UTF_8), PageMetadata.NONE).articles();
        }
    }

    @Test
    void multiSectionPageKeepsSectionsDecksKickersAndCredits() throws IOException {
        List<SplitArticle> a = split("multi-section.txt");
        assertThat(a).extracting(SplitArticle::headline)
                .containsExactly("秋粮收购进度过半", "老旧小区改造惠及万户居民", "非遗进校园 传承有新人");
        assertThat(a).extracting(SplitArticle::section).containsExactly("要闻", "要闻", "文化");
        assertThat(a.get(0).subheadline()).isEqualTo("全市已收购玉米42万吨,同比增长9.6%");
        assertThat(a.get(0).reporters()).containsExactly("王海燕", "刘洋");
        assertThat(a.get(0).body()).startsWith("连日来").contains("延长了营业时间");
        assertThat(a.get(1).reporters()).containsExactly("赵静");
        assertThat(a.get(2).subheadline()).isEqualTo("乡村振兴在行动");
        assertThat(a.get(2).reporters()).containsExactly("孙晓东");
        assertThat(a.get(2).photographers()).containsExactly("李文博");
        assertThat(a.get(2).body()).doesNotContain("孙晓东");
    }

    @Test
    void captionInterruptingASentenceIsLiftedOutAndTheSentenceRejoined() throws IOException {
        List<SplitArticle> a = split("caption-interrupts.txt");
        assertThat(a).extracting(SplitArticle::headline)
                .containsExactly("新能源汽车产业园开工建设", "金秋时节稻谷飘香", "冬季供暖准备工作全面就绪");
        SplitArticle story = a.get(0);
        assertThat(story.body()).contains("配套的研发中心,计划明年").doesNotContain("吊装作业", "周宁 摄");
        assertThat(story.captions()).containsExactly("工人们在项目现场进行钢结构吊装作业。");
        assertThat(story.photographers()).containsExactly("周宁");
        assertThat(story.truncated()).isFalse();
    }

    @Test
    void captionAndCreditWithoutStoryBecomeAPhotoItem() throws IOException {
        SplitArticle photo = split("caption-interrupts.txt").get(1);
        assertThat(photo.kind()).isEqualTo(Kind.PHOTO);
        assertThat(photo.photographers()).containsExactly("陈光");
        assertThat(photo.captions()).containsExactly("金秋时节稻谷飘香");
        assertThat(photo.body()).isEqualTo("金秋时节稻谷飘香");
    }

    @Test
    void unpunctuatedCaptionsDashDecksAndPageFurniture() throws IOException {
        List<SplitArticle> a = split("photo-features.txt");
        assertThat(a).extracting(SplitArticle::headline).containsExactly("稳字当头,县域经济稳中向好",
                "守护一方平安的“老兵”", "晨光中的古塔公园", "秋季招聘会提供岗位8000余个");
        assertThat(a).extracting(SplitArticle::kind)
                .containsExactly(Kind.ARTICLE, Kind.ARTICLE, Kind.PHOTO, Kind.ARTICLE);
        assertThat(a.get(0).body()).contains("全国20多个省份。下一步").doesNotContain("分拣产品", "韩雪");
        assertThat(a.get(0).captions()).containsExactly("工人在花生加工车间分拣产品");
        assertThat(a.get(1).subheadline()).isEqualTo("——记优秀人民警察刘建国");
        assertThat(a.get(1).reporters()).containsExactly("孙丽");
        assertThat(a.get(2).photographers()).containsExactly("崔治");
        assertThat(a.get(3).body()).doesNotContain("责任编辑", "美术编辑");
        assertThat(a).extracting(SplitArticle::section).containsOnly("城乡");
    }

    @Test
    void pageOfShortBriefsGivesOneArticlePerBrief() throws IOException {
        List<SplitArticle> a = split("briefs.txt");
        assertThat(a).extracting(SplitArticle::headline).containsExactly("港口集装箱吞吐量创新高", "首届农民丰收节开幕",
                "全民健身运动会落幕", "图书馆延长开放时间", "义诊活动进社区");
        assertThat(a).extracting(SplitArticle::section).containsOnly("简讯");
        assertThat(a).extracting(SplitArticle::dateline).containsOnly("本报讯");
        assertThat(a.get(2).reporters()).containsExactly("马骏");
        assertThat(a.get(3).body()).startsWith("即日起");
    }

    @Test
    void singleArticlePageWithBylineUnderTheHeadlineAndCutOff() throws IOException {
        List<SplitArticle> a = split("single-article.txt");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).headline()).isEqualTo("大凌河流域综合治理成效显著");
        assertThat(a.get(0).reporters()).containsExactly("王芳");
        assertThat(a.get(0).body()).startsWith("今年以来").doesNotContain("王芳").endsWith("景美的");
        assertThat(a.get(0).body().lines()).hasSize(4);
        assertThat(a.get(0).truncated()).isTrue();
        assertThat(a.get(0).warnings()).anyMatch(w -> w.contains("runs off the page"));
    }

    @Test
    void windowsLineEndingsFullWidthPunctuationAndTraditionalCharacters() throws IOException {
        List<SplitArticle> a = split("crlf-traditional.txt");
        assertThat(a).extracting(SplitArticle::headline).containsExactly("東北老工業基地煥發新活力", "社區食堂暖了老人胃");
        assertThat(a.get(0).dateline()).isEqualTo("本報訊");
        assertThat(a.get(0).reporters()).containsExactly("陳明");
        assertThat(a.get(0).body()).startsWith("近日，記者走訪").contains("排到了明年一季度。").doesNotContain("\r");
        assertThat(a.get(1).reporters()).containsExactly("林慧");
        assertThat(a.get(1).body()).startsWith("“飯菜可口").doesNotContain("用餐。", "攝");
        assertThat(a.get(1).photographers()).containsExactly("林慧");
        assertThat(a.get(1).captions()).containsExactly("老人們在社區食堂用餐。");
    }

    @Test
    void pageWithoutHeadlineIsOneArticleWithAWarning() throws IOException {
        List<SplitArticle> a = split("no-headline.txt");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).headline()).isNull();
        assertThat(a.get(0).body().lines()).hasSize(3);
        assertThat(a.get(0).warnings()).anyMatch(w -> w.contains("no headline"));
    }

    @Test
    void pageWithoutBlankLinesSplitsTheSame() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/pages/multi-section.txt")) {
            String dense = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\n+", "\n");
            assertThat(splitter.split(dense, PageMetadata.NONE).articles()).extracting(SplitArticle::headline)
                    .containsExactly("秋粮收购进度过半", "老旧小区改造惠及万户居民", "非遗进校园 传承有新人");
        }
    }

    @Test
    void neverThrowsOnArbitraryText() {
        Random random = new Random(42);
        String alphabet = "锦州本报讯记者崔治摄撰。，,!?“”\n\r \t、ABC123（）【】";
        for (int n = 0; n < 300; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(400);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThatCode(() -> splitter.split(text, PageMetadata.NONE)).doesNotThrowAnyException();
        }
        assertThat(splitter.split("", PageMetadata.NONE).articles()).isEmpty();
        assertThat(splitter.split(null, null).articles()).isEmpty();
        assertThat(splitter.split("\n\n\r\n", PageMetadata.NONE).articles()).isEmpty();
    }

    @Test
    void frontPageWithMastheadAgencyDispatchCommentaryAndBracketCredits() throws IOException {
        List<SplitArticle> a = split("front-page.txt");
        assertThat(a).extracting(SplitArticle::headline).containsExactly("习近平在参加党的二十大广西代表团讨论时强调",
                "市委常委会召开会议", "凝心聚力谱新篇", "我市秋季造林任务全面完成");
        assertThat(a).extracting(SplitArticle::section).containsOnlyNulls();
        assertThat(a.get(0).dateline()).isEqualTo("新华社北京10月16日电");
        assertThat(a.get(0).reporters()).containsExactly("张晓松", "朱基钗");
        assertThat(a.get(0).body()).startsWith("中共中央总书记");
        assertThat(a.get(1).subheadline()).isEqualTo("传达学习党的二十大精神");
        assertThat(a.get(2).reporters()).containsExactly("本报评论员");
        assertThat(a.get(3).reporters()).containsExactly("高明");
        assertThat(a.get(3).body()).endsWith("180余万株。");
        assertThat(a.get(3).truncated()).isFalse();
    }

    @Test
    void featureWithIntertitlesStaysOneStory() throws IOException {
        List<SplitArticle> a = split("feature-intertitles.txt");
        assertThat(a).singleElement().satisfies(story -> {
            assertThat(story.headline()).isEqualTo("乡村振兴路上的“领头雁”");
            assertThat(story.reporters()).containsExactly("李娜", "王强");
            assertThat(story.body().lines().toList()).contains("一、找准路子 发展特色产业", "党建引领 凝聚发展合力");
            assertThat(story.body()).endsWith("增加到2.6万元。");
        });
    }

    @Test
    void jumpLinesAreRemovedAndMarkTheStoryAsContinued() {
        String page = "全市重点项目建设提速\n\n本报讯 今年以来,全市重点项目建设全面提速,一批重大项目相继开工。(下转第2版)\n\n"
                + "秋粮收购有序开展\n\n(上接第1版)本报讯 全市各收购网点已全部开秤,收购进度快于去年同期。";
        List<SplitArticle> a = splitter.split(page, PageMetadata.NONE).articles();
        assertThat(a).extracting(SplitArticle::headline).containsExactly("全市重点项目建设提速", "秋粮收购有序开展");
        assertThat(a.get(0).body()).endsWith("相继开工。");
        assertThat(a.get(0).truncated()).isTrue();
        assertThat(a.get(0).warnings()).anyMatch(w -> w.contains("page 2"));
        assertThat(a.get(1).dateline()).isEqualTo("本报讯");
        assertThat(a.get(1).body()).startsWith("全市各收购网点");
    }

    @Test
    void editionDateComesFromThePageHeaderWhenNotGiven() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/pages/front-page.txt")) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(splitter.split(page, new PageMetadata("锦州日报", null, "1")).page().edition()).isEqualTo("2022-10-18");
            assertThat(splitter.split(page, new PageMetadata("锦州日报", "2022-10-19", "1")).page().edition())
                    .isEqualTo("2022-10-19");
        }
    }

    @Test
    void keepsPageMetadata() {
        PageSplit split = splitter.split("标题一\n\n本报讯 正文第一句。", new PageMetadata("锦州日报", "2022-08-10", "3"));
        assertThat(split.page().edition()).isEqualTo("2022-08-10");
        assertThat(split.articles()).singleElement().satisfies(a -> {
            assertThat(a.headline()).isEqualTo("标题一");
            assertThat(a.body()).isEqualTo("正文第一句。");
        });
    }
}
