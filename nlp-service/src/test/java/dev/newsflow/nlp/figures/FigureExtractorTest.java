package dev.newsflow.nlp.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched.Change;
import dev.newsflow.events.ArticleEnriched.Figure;
import dev.newsflow.events.FigureKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureExtractorTest {

    private final FigureExtractor extractor = new FigureExtractor();

    private List<Figure> figures(String text) {
        List<Figure> found = extractor.extract(text);
        for (Figure f : found) {
            assertThat(text.substring(f.start(), f.end())).as("offsets of %s", f).isEqualTo(f.text());
        }
        return found;
    }

    private Figure only(String text) {
        List<Figure> found = figures(text);
        assertThat(found).as("figures in %s", text).hasSize(1);
        return found.get(0);
    }

    private static void assertFigure(Figure f, String value, String unit, FigureKind kind, boolean approximate) {
        assertThat(f.value()).as("value of %s", f.text()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(f.unit()).as("unit of %s", f.text()).isEqualTo(unit);
        assertThat(f.kind()).as("kind of %s", f.text()).isEqualTo(kind);
        assertThat(f.approximate()).as("approximate of %s", f.text()).isEqualTo(approximate);
    }

    @Test
    void chineseNumeralsWithMagnitudes() {
        assertFigure(only("全区共走访群众一万二千户。"), "12000", "户", FigureKind.COUNT, false);
        assertFigure(only("新增学位四百五十个"), "450", "个", FigureKind.COUNT, false);
        assertFigure(only("全区一百零三个社区"), "103", "个", FigureKind.COUNT, false);
        assertFigure(only("安排专项资金五百万元"), "5000000", "CNY", FigureKind.MONEY, false);
        assertFigure(only("注册志愿者达三万人"), "30000", "人", FigureKind.COUNT, false);
        assertFigure(only("计划投资一亿二千万元"), "120000000", "CNY", FigureKind.MONEY, false);
        assertFigure(only("“老庭沟”千亩生态果园"), "1000", "亩", FigureKind.MEASURE, false);
        assertFigure(only("两个项目成果"), "2", "个", FigureKind.COUNT, false);
        assertFigure(only("住宅楼十二栋"), "12", "栋", FigureKind.COUNT, false);
        List<Figure> both = figures("33条产业链覆盖七大产业25个细分领域");
        assertThat(both).extracting(Figure::text).containsExactly("33条", "七大产业", "25个");
        assertFigure(both.get(1), "7", "产业", FigureKind.COUNT, false);
        assertFigure(only("为辖区七大类困难群体提供帮扶"), "7", "类", FigureKind.COUNT, false);
    }

    @Test
    void arabicNumeralsWithMagnitudes() {
        assertFigure(only("发放担保贷款6.43亿元"), "643000000", "CNY", FigureKind.MONEY, false);
        assertFigure(only("累计完成投资3.5万亿元"), "3500000000000", "CNY", FigureKind.MONEY, false);
        assertFigure(only("销售额1,234.5万元"), "12345000", "CNY", FigureKind.MONEY, false);
        assertFigure(only("计划投资3千万元"), "30000000", "CNY", FigureKind.MONEY, false);
        assertFigure(only("装机容量达到386万千瓦"), "3860000", "千瓦", FigureKind.MEASURE, false);
        assertFigure(only("年发电量5.6亿千瓦时"), "560000000", "千瓦时", FigureKind.MEASURE, false);
        assertFigure(only("建设10万吨一体化负极材料项目"), "100000", "吨", FigureKind.MEASURE, false);
    }

    @Test
    void decimalsWrittenWithAMiddleDotOrInChinese() {
        assertFigure(only("汽车产量达12·7万辆"), "127000", "辆", FigureKind.COUNT, false);
        assertFigure(only("全年实现利润十五点一亿元"), "1510000000", "CNY", FigureKind.MONEY, false);
        assertFigure(only("覆盖率达86·7%"), "86.7", "%", FigureKind.PERCENT, false);
    }

    @Test
    void moneyUsesIsoCodes() {
        assertThat(figures("实际使用外资1.26亿美元,出口欧洲3000万欧元,港资2亿港元,日资50亿日元,价格8500元/吨"))
                .extracting(Figure::unit).containsExactly("USD", "EUR", "HKD", "JPY", "CNY/吨");
        assertFigure(only("奖励5000元"), "5000", "CNY", FigureKind.MONEY, false);
    }

    @Test
    void percentagesAndPercentagePoints() {
        assertFigure(only("成活率高达95%"), "95", "%", FigureKind.PERCENT, false);
        assertFigure(only("占比百分之三十"), "30", "%", FigureKind.PERCENT, false);
        assertFigure(only("占比超过三成。"), "30", "%", FigureKind.PERCENT, true);
        assertFigure(only("增速高于全省平均水平0.6个百分点"), "0.6", "pp", FigureKind.PERCENTAGE_POINT, false);
    }

    @Test
    void countsWithMeasureWords() {
        List<Figure> found = figures("担保贷款共101笔,77栋大棚,存栏500头,果树2.1万余株,投票4.2万人次,380户,12条河流,"
                + "150余幅作品,新建学校3所,招聘会86场,投诉9起");
        assertThat(found).extracting(Figure::unit)
                .containsExactly("笔", "栋", "头", "株", "人次", "户", "条", "幅", "所", "场", "起");
        assertThat(found).allMatch(f -> f.kind() == FigureKind.COUNT);
        assertFigure(found.get(3), "21000", "株", FigureKind.COUNT, true);
    }

    @Test
    void physicalMeasures() {
        List<Figure> found = figures("全长11.8公里,总面积为3000平方米,占地15亩,土方8万余立方米,风电200兆瓦,"
                + "浓度为31微克/立方米,治理面积32平方公里,造林120公顷,宽度22米");
        assertThat(found).extracting(Figure::unit).containsExactly("公里", "平方米", "亩", "立方米", "兆瓦",
                "微克/立方米", "平方公里", "公顷", "米");
        assertThat(found).allMatch(f -> f.kind() == FigureKind.MEASURE);
        assertFigure(found.get(3), "80000", "立方米", FigureKind.MEASURE, true);
    }

    @Test
    void ratiosButNotClockTimes() {
        Figure structure = only("三次产业结构比为25.6:36.8:37.6。");
        assertFigure(structure, "25.6", "ratio", FigureKind.RATIO, false);
        assertThat(structure.text()).isEqualTo("25.6:36.8:37.6");
        assertFigure(only("杠杆率达到1:8"), "1", "ratio", FigureKind.RATIO, false);
        assertThat(figures("上午9:30开幕")).isEmpty();
        assertFigure(only("日均接待量是平日的3倍"), "3", "倍", FigureKind.RATIO, false);
    }

    @Test
    void approximateQualifiers() {
        List<Figure> found = figures("申报200余项,梯田700多亩,带动近百户,约3.2亿元,2万元以上,5000头左右,"
                + "超过20万元,逾15万人次,突破2.6万元,上千名村民,至少8000万元,控制在3.5%以内,4亿多元,10来万元");
        assertThat(found).allMatch(Figure::approximate);
        assertThat(found).extracting(Figure::qualifier).containsExactly("余", "多", "近", "约", "以上", "左右",
                "超过", "逾", "突破", "上", "至少", "以内", "多", "来");
        assertThat(found).extracting(f -> f.value().toPlainString()).containsExactly("200", "700", "100",
                "320000000", "20000", "5000", "200000", "150000", "26000", "1000", "80000000", "3.5", "400000000",
                "100000");
        assertThat(only("签约3个项目").approximate()).isFalse();
        assertThat(only("距离附近3公里").approximate()).isFalse();
    }

    @Test
    void enumerationsYieldEachAmount() {
        List<Figure> found = figures("锦州市总工会对获得一、二、三等奖和优秀奖的项目成果主创人分别奖励5000元、3000元、2000元和1000元。");
        assertThat(found).extracting(f -> f.value().toPlainString()).containsExactly("5000", "3000", "2000", "1000");
        assertThat(found).allMatch(f -> f.kind() == FigureKind.MONEY && f.unit().equals("CNY"));
        assertThat(figures("巨峰葡萄收购价格为每斤2.5元至3元")).extracting(f -> f.value().toPlainString())
                .containsExactly("2.5", "3");
        List<Figure> shared = figures("分别奖励5000、3000、2000和1000元");
        assertThat(shared).extracting(f -> f.value().toPlainString()).containsExactly("5000", "3000", "2000", "1000");
        assertThat(shared).allMatch(f -> f.unit().equals("CNY"));
        assertThat(figures("每户投资3至5万元,每亩增收300-500元")).extracting(f -> f.value().toPlainString())
                .containsExactly("30000", "50000", "300", "500");
        assertThat(figures("2021-2023年,8-9月份,比分3-1,2022-08-09")).isEmpty();
    }

    @Test
    void changeLinkedToPrecedingFigure() {
        Figure loans = only("上半年发放担保贷款6.43亿元,同比增长124.83%");
        assertFigure(loans, "643000000", "CNY", FigureKind.MONEY, false);
        assertThat(loans.subject()).isEqualTo("担保贷款");
        assertThat(loans.change()).isEqualTo(new Change("UP", new BigDecimal("124.83"), null, "YEAR_ON_YEAR"));

        Figure imports = only("进口额73.5亿元,下降4.6%。");
        assertThat(imports.change()).isEqualTo(new Change("DOWN", new BigDecimal("4.6"), null, "UNSPECIFIED"));

        Figure occupancy = only("平均入住率达到78%,较去年同期提高14个百分点。");
        assertThat(occupancy.change()).isEqualTo(new Change("UP", null, new BigDecimal("14"), "YEAR_ON_YEAR"));

        Figure visitors = only("共接待游客156.8万人次,按可比口径同比增长23.5%;");
        assertThat(visitors.change().percent()).isEqualByComparingTo("23.5");
    }

    @Test
    void changesListedWithFenbieLinkInOrder() {
        List<Figure> found = figures("教育支出21.4亿元、社会保障和就业支出26.8亿元、卫生健康支出11.3亿元,分别增长5.1%、7.6%和2.8%。");
        assertThat(found).hasSize(3);
        assertThat(found).extracting(f -> f.change().percent().toPlainString()).containsExactly("5.1", "7.6", "2.8");
        List<Figure> port = figures("实现营业收入27.4亿元,利润总额3.1亿元,同比分别增长6.8%和12.5%。");
        assertThat(port).extracting(f -> f.change().percent().toPlainString()).containsExactly("6.8", "12.5");
        assertThat(port).allMatch(f -> f.change().basis().equals("YEAR_ON_YEAR"));
    }

    @Test
    void unlinkedChangeStaysAPercentFigureWithItsChange() {
        Figure growth = only("三次产业结构比为25.6:36.8:37.6。规模以上工业增加值同比增长8.4%。", 1);
        assertFigure(growth, "8.4", "%", FigureKind.PERCENT, false);
        assertThat(growth.change()).isEqualTo(new Change("UP", new BigDecimal("8.4"), null, "YEAR_ON_YEAR"));
        assertThat(growth.subject()).isEqualTo("规模以上工业增加值");

        Figure monthly = only("10月份全市规模以上工业增加值环比增长2.3%");
        assertThat(monthly.change().basis()).isEqualTo("PERIOD_ON_PERIOD");
        Figure average = only("全省固定资产投资年均增长7.5%");
        assertThat(average.change().basis()).isEqualTo("ANNUAL_AVERAGE");
        Figure times = only("高技术产业投资增长1.6倍");
        assertThat(times.kind()).isEqualTo(FigureKind.RATIO);
        assertThat(times.change().percent()).isEqualByComparingTo("160");
        Figure rate = only("贷款加权平均利率同比下降0.42个百分点");
        assertThat(rate.change()).isEqualTo(new Change("DOWN", null, new BigDecimal("0.42"), "YEAR_ON_YEAR"));
    }

    private Figure only(String text, int index) {
        return figures(text).get(index);
    }

    @Test
    void absoluteChangeIsAFigureWithADirection() {
        Figure more = only("预计总产量可达4.2亿公斤,比上年增加1800万公斤。", 1);
        assertFigure(more, "18000000", "公斤", FigureKind.MEASURE, false);
        assertThat(more.change()).isEqualTo(new Change("UP", null, null, "YEAR_ON_YEAR"));
        Figure level = only("最低标准由每人每月118元提高到128元。", 1);
        assertThat(level.change().direction()).isEqualTo("UP");
        assertThat(only("新增就业2.36万人").change()).isNull();
    }

    @Test
    void ordinalsAndYearsAreNotFigures() {
        assertThat(figures("今年是锦州市总工会开展大赛活动的第七年。第九届“状元杯”大赛,第一书记,第二批项目")).isEmpty();
        assertThat(figures("2022年,二〇二二年,2022锦州义县民俗文化节")).isEmpty();
        assertThat(figures("现场发布第二批全省项目共计500个")).extracting(Figure::text).containsExactly("500个");
    }

    @Test
    void datesTimesPhonesAndCodesAreNotFigures() {
        assertThat(figures("8月9日,记者看到;计划9月初开始施工,10月底完成。3月12日上午9:30开幕,截至当天12时")).isEmpty();
        assertThat(figures("咨询电话0416-3125678,服务热线12333,手机13912345678")).isEmpty();
        assertThat(figures("90后高晴,“00后”运动员,PM2.5平均浓度,G102国道,5G基站")).isEmpty();
        assertThat(figures("建成5G基站1200个")).extracting(Figure::text).containsExactly("1200个");
    }

    @Test
    void durationsAndAgesAreNotFigures() {
        assertThat(figures("脱产任职2年,7年来,前10个月,优良天数268天,65岁以上老年人,24小时热线,在展播的两天时间里")).isEmpty();
    }

    @Test
    void numeralsInNamesListsAndIdiomsAreNotFigures() {
        assertThat(figures("促进一二三产业融合发展,“十四五”规划,十三五期间,千方百计,走进千家万户,义县七里河村,三家子村,"
                + "我就是一名“社区人”,以市县两级优秀年轻干部“千人名单”为依托,对亿元以上重点项目实施跟踪,"
                + "万吨级以上泊位,三次产业结构,五一假期,“一带一路”,统一战线,进一步,一网四体系,数十项活动,每千名老年人,"
                + "进入票房史前五名,星际争霸2项目,政协八届五次会议,新春佳节万家团圆,(附图片1张)"))
                .isEmpty();
    }

    @Test
    void subjectIsTheNounPhraseBeforeTheFigure() {
        assertThat(only("牛舍面积大,存栏量达500头").subject()).isEqualTo("存栏量");
        assertThat(only("有4栋牛舍,总面积为3000平方米", 1).subject()).isEqualTo("总面积");
        assertThat(only("担保贷款共101笔,金额6.43亿元", 1).subject()).isEqualTo("金额");
        assertThat(only("全市外贸进出口总额达到186.3亿元").subject()).isEqualTo("外贸进出口总额");
        assertThat(only("我们村里现有77栋花卉种植大棚,栽种了扶郎").subject()).isEqualTo("花卉种植大棚");
        assertThat(only("覆盖25个细分领域,形成合力").subject()).isEqualTo("细分领域");
    }

    @Test
    void emptyAndFigureFreeText() {
        assertThat(extractor.extract("")).isEmpty();
        assertThat(extractor.extract(null)).isEmpty();
        assertThat(extractor.extract("锦州市积极协调市工信、金融、人社、税务、工商联等部门。")).isEmpty();
    }
}
