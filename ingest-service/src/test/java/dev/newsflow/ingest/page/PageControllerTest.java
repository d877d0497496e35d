package dev.newsflow.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.ingest.publish.ArticlePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PageController.class)
@Import({PageIngestor.class, PageControllerTest.Meters.class})
class PageControllerTest {

    private static final String PAGE = """
            秋粮收购进度过半

            本报讯 记者王海燕报道 截至10月20日,全市已收购玉米42万吨,同比增长9.6%。

            金秋时节稻谷飘香
            本报记者 陈光 摄

            老旧小区改造惠及万户居民

            本报讯 今年全市计划改造的58个老旧小区已全部开工,惠及居民1.2万户。
            """;

    @TestConfiguration
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @MockitoBean
    ArticlePublisher publisher;

    @Test
    @SuppressWarnings("unchecked")
    void publishesEveryItemOfThePageWithEditionAsPublicationDate() throws Exception {
        mvc.perform(post("/api/v1/pages?source=锦州日报&edition=2022-08-10&page=3")
                        .contentType("text/plain;charset=UTF-8").content(PAGE.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.articles.length()").value(3))
                .andExpect(jsonPath("$.articles[0].headline").value("秋粮收购进度过半"))
                .andExpect(jsonPath("$.articles[0].kind").value("ARTICLE"))
                .andExpect(jsonPath("$.articles[1].kind").value("PHOTO"))
                .andExpect(jsonPath("$.articles[2].location").value(org.hamcrest.Matchers.startsWith("/api/v1/articles/")));
        ArgumentCaptor<List<ArticleSubmitted>> published = ArgumentCaptor.forClass(List.class);
        verify(publisher).publish(published.capture());
        ArticleSubmitted first = published.getValue().get(0);
        assertThat(first.title()).isEqualTo("秋粮收购进度过半");
        assertThat(first.publishedAt()).isEqualTo("2022-08-10");
        assertThat(first.source()).isEqualTo("锦州日报");
        assertThat(first.ingestedAt()).isNotNull();
        assertThat(first.layout().dateline()).isEqualTo("本报讯");
        assertThat(first.layout().reporters()).containsExactly("王海燕");
        assertThat(first.layout().page()).isEqualTo("3");
        assertThat(first.layout().edition()).isEqualTo("2022-08-10");
        assertThat(published.getValue().get(1).layout().photographers()).containsExactly("陈光");
        assertThat(meters.counter("newsflow.pages.split").count()).isEqualTo(1.0);
        assertThat(meters.summary("newsflow.pages.articles").totalAmount()).isEqualTo(3.0);
    }

    @Test
    void rejectsEmptyPage() throws Exception {
        mvc.perform(post("/api/v1/pages").contentType(MediaType.TEXT_PLAIN).content("  \n \n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("body"));
        verify(publisher, never()).publish(anyList());
    }

    @Test
    void rejectsBadEditionDateNamingTheParameter() throws Exception {
        mvc.perform(post("/api/v1/pages?edition=2022-8-10").contentType(MediaType.TEXT_PLAIN)
                        .content(PAGE.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("edition"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("edition")));
        verify(publisher, never()).publish(anyList());
    }

    @Test
    void rejectsJsonBody() throws Exception {
        mvc.perform(post("/api/v1/pages").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void decodesTheDeclaredCharset() throws Exception {
        mvc.perform(post("/api/v1/pages").contentType("text/plain;charset=GB18030")
                        .content("锦州港吞吐量创新高\n\n本报讯 今年前三季度,锦州港完成货物吞吐量8000万吨。".getBytes("GB18030")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.articles[0].headline").value("锦州港吞吐量创新高"));
    }
}
