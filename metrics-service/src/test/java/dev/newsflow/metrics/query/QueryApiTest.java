package dev.newsflow.metrics.query;

import static dev.newsflow.metrics.TestArticles.article;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.newsflow.events.FigureKind;
import dev.newsflow.metrics.TestMongo;
import dev.newsflow.metrics.store.ArticleStore;
import dev.newsflow.metrics.store.ContributionPlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** The query API over a small stored corpus on mongo-java-server: answers, ordering, validation. */
class QueryApiTest {

    private static TestMongo mongo;
    private static MockMvc mvc;

    @BeforeAll
    static void setUp() {
        mongo = new TestMongo();
        MongoDatabaseFactory f = mongo.factory("q");
        ArticleStore store = new ArticleStore(f, new ContributionPlanner(), JsonMapper.builder().build());
        store.store(article("a1").day("2026-11-01").person("王伟").place("义县", "210727").keyword("贷款")
                .figure("个人贷款余额", "643000000", "CNY", FigureKind.MONEY).title("义县贷款增长").build());
        store.store(article("a2").day("2026-11-02").person("王伟").org("锦州银行").place("凌海", "210781")
                .figure("增速", "12.5", "%", FigureKind.PERCENT).source("辽宁日报").build());
        store.store(article("a3").day("2026-11-02").person("王伟").org("锦州银行").body("提到 a.b$c 的正文").build());
        store.store(article("a4").day("2026-11-09").org("锦州银行").person("李娜").build());
        store.store(article("a5").day("2026-11-10").org("锦州银行").person("李娜").build());
        store.store(article("a6").day("2026-11-10").person("李娜").person("王.伟$").build());
        AggregateReader reader = new AggregateReader(f);
        mvc = MockMvcBuilders.standaloneSetup(new ArticleController(reader), new EntityController(reader),
                new FigureController(reader), new RegionController(reader), new TrendController(reader))
                .setControllerAdvice(new ApiErrors()).build();
    }

    @AfterAll
    static void tearDown() {
        mongo.close();
    }

    @Test
    void topCountsArticlesPerEntityWithinTheWindow() throws Exception {
        mvc.perform(get("/api/v1/entities/top").param("type", "PERSON").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(content().json("[{name:'李娜',type:'PERSON',count:3},{name:'王伟',type:'PERSON',count:3}]", true));
        mvc.perform(get("/api/v1/entities/top").param("type", "ORGANIZATION").param("from", "2026-11-03").param("to", "2026-11-30"))
                .andExpect(content().json("[{name:'锦州银行',type:'ORGANIZATION',count:2}]", true));
    }

    @Test
    void namesWithDotsAndDollarsRoundTrip() throws Exception {
        mvc.perform(get("/api/v1/entities/top").param("type", "PERSON").param("from", "2026-11-10").param("to", "2026-11-10"))
                .andExpect(content().json("[{name:'李娜',count:2},{name:'王.伟$',count:1}]"));
        mvc.perform(get("/api/v1/articles").param("entity", "王.伟$").param("type", "PERSON"))
                .andExpect(jsonPath("$.items[0].id").value("a6"));
    }

    @Test
    void articlesAreFilteredAndPagedNewestDayFirstThenById() throws Exception {
        mvc.perform(get("/api/v1/articles").param("entity", "锦州银行").param("size", "2"))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains("a5", "a4")))
                .andExpect(jsonPath("$.hasNext").value(true));
        mvc.perform(get("/api/v1/articles").param("entity", "锦州银行").param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains("a2", "a3")))
                .andExpect(jsonPath("$.hasNext").value(false));
        mvc.perform(get("/api/v1/articles").param("source", "辽宁日报"))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains("a2")));
        mvc.perform(get("/api/v1/articles").param("q", "A.B$C"))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains("a3")));
        mvc.perform(get("/api/v1/articles").param("q", ".*"))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void regionsRollUpCountiesIntoCitiesAndProvinces() throws Exception {
        mvc.perform(get("/api/v1/regions/210700"))
                .andExpect(jsonPath("$.level").value("CITY"))
                .andExpect(jsonPath("$.articles").value(2));
        mvc.perform(get("/api/v1/regions/210000"))
                .andExpect(jsonPath("$.level").value("PROVINCE"))
                .andExpect(jsonPath("$.articles").value(2))
                .andExpect(jsonPath("$.topEntities[0].name").value("王伟"));
        mvc.perform(get("/api/v1/regions/210727")).andExpect(jsonPath("$.articles").value(1));
        mvc.perform(get("/api/v1/articles").param("region", "210000"))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains("a2", "a1")));
    }

    @Test
    void timelineAndRelated() throws Exception {
        mvc.perform(get("/api/v1/entities/ORGANIZATION/锦州银行/timeline").param("interval", "week"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[*].period").value(org.hamcrest.Matchers.contains("2026-11-02", "2026-11-09")))
                .andExpect(jsonPath("$.points[*].count").value(org.hamcrest.Matchers.contains(2, 2)));
        mvc.perform(get("/api/v1/entities/PERSON/王伟/related"))
                .andExpect(content().json("[{name:'锦州银行',type:'ORGANIZATION',count:2},{name:'义县',type:'LOCATION',count:1},"
                        + "{name:'凌海',type:'LOCATION',count:1}]", true));
    }

    @Test
    void figuresBySubjectSubstringAndKind() throws Exception {
        mvc.perform(get("/api/v1/figures").param("subject", "贷款"))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].value").value("643000000"))
                .andExpect(jsonPath("$.items[0].unit").value("CNY"))
                .andExpect(jsonPath("$.items[0].change.direction").value("UP"));
        mvc.perform(get("/api/v1/figures").param("kind", "PERCENT")).andExpect(jsonPath("$.items[0].article").value("a2"));
        mvc.perform(get("/api/v1/figures").param("entity", "锦州银行")).andExpect(jsonPath("$.items[0].article").value("a2"));
        mvc.perform(get("/api/v1/figures").param("subject", "(.*)+")).andExpect(jsonPath("$.items", hasSize(0)));
        // subject and entity: the subject's figures of articles naming the entity (a1 names 王伟 and 义县, not 锦州银行)
        mvc.perform(get("/api/v1/figures").param("subject", "贷款").param("entity", "王伟"))
                .andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].article").value("a1"));
        mvc.perform(get("/api/v1/figures").param("subject", "贷款").param("entity", "义县").param("type", "LOCATION"))
                .andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(get("/api/v1/figures").param("subject", "贷款").param("entity", "锦州银行")).andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/v1/figures").param("subject", "贷款").param("entity", "义县").param("type", "PERSON"))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void trendsScoreRisingEntitiesAgainstThePreviousWindow() throws Exception {
        // window 2026-11-04..2026-11-10 vs 2026-10-28..2026-11-03: 李娜 0 -> 3 scores 3, 锦州银行 2 -> 2 scores 0
        mvc.perform(get("/api/v1/trends").param("window", "P7D").param("minCount", "1"))
                .andExpect(jsonPath("$.from").value("2026-11-04"))
                .andExpect(jsonPath("$.items[0].name").value("李娜"))
                .andExpect(jsonPath("$.items[0].score").value(3.0))
                .andExpect(jsonPath("$.items[?(@.name=='锦州银行')].score").value(0.0));
    }

    @Test
    void missingArticleIs404ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/articles/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/articles/a1")).andExpect(jsonPath("$.title").value("义县贷款增长"));
    }

    @Test
    void invalidParametersAre400ProblemJsonNamingTheParameter() throws Exception {
        String[][] bad = {
                {"/api/v1/entities/top", "type", "ANIMAL"},
                {"/api/v1/entities/top", "from", "yesterday"},
                {"/api/v1/entities/top", "limit", "1000"},
                {"/api/v1/entities/top", "region", "21"},
                {"/api/v1/articles", "size", "0"},
                {"/api/v1/articles", "page", "x"},
                {"/api/v1/articles", "q", "x".repeat(101)},
                {"/api/v1/articles", "entity", "{\"$gt\":\"\"}".repeat(20)},
                {"/api/v1/figures", "kind", "$where"},
                {"/api/v1/trends", "window", "P1Y"},
                {"/api/v1/entities/PERSON/王伟/timeline", "interval", "hour"},
        };
        for (String[] b : bad) {
            mvc.perform(get(b[0]).param(b[1], b[2]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.parameter").value(b[1]))
                    .andExpect(jsonPath("$.detail").value(containsString("'" + b[1] + "'")));
        }
        mvc.perform(get("/api/v1/entities/top").param("from", "2026-12-01").param("to", "2026-11-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/v1/entities/ANIMAL/x/related")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("type"));
    }
}
