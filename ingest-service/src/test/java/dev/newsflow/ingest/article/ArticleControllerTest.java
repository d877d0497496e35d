package dev.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.newsflow.events.ArticleIds;
import dev.newsflow.events.ArticleSubmitted;
import dev.newsflow.ingest.publish.ArticlePublisher;
import dev.newsflow.ingest.publish.PublishFailedTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ArticleController.class)
@Import(ArticleRequestParser.class)
class ArticleControllerTest {

    private static final String ARTICLE = """
            {"title":"锦州出实招建强重点产业链","body":"本报讯 锦州市多措并举。","source":"锦州日报",
             "publishedAt":"2022-08-10","section":"要闻","language":"zh"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ArticlePublisher publisher;

    @Test
    @SuppressWarnings("unchecked")
    void acceptsOneArticleWithDerivedIdAndLocation() throws Exception {
        String id = ArticleIds.of("锦州出实招建强重点产业链", "本报讯 锦州市多措并举。", "锦州日报", null);
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/articles/" + id))
                .andExpect(jsonPath("$.articles[0].id").value(id))
                .andExpect(jsonPath("$.articles[0].location").value("/api/v1/articles/" + id));
        ArgumentCaptor<List<ArticleSubmitted>> published = ArgumentCaptor.forClass(List.class);
        verify(publisher).publish(published.capture());
        ArticleSubmitted article = published.getValue().get(0);
        assertThat(article.id()).isEqualTo(id);
        assertThat(article.ingestedAt()).isNotNull();
        assertThat(article.publishedAt()).isEqualTo("2022-08-10");
        assertThat(article.schemaVersion()).isEqualTo(1);
    }

    @Test
    void resubmittedArticleKeepsItsId() throws Exception {
        String first = mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andReturn().getResponse().getHeader("Location");
        String second = mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andReturn().getResponse().getHeader("Location");
        assertThat(first).isNotNull().isEqualTo(second);
    }

    @Test
    void rejectsMissingBodyNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"t\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("body")));
        verify(publisher, never()).publish(anyList());
    }

    @Test
    void rejectsARequestWithNoBodyAtAll() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/articles").contentType("application/x-ndjson"))
                .andExpect(status().isBadRequest());
        verify(publisher, never()).publish(anyList());
    }

    @Test
    void rejectsBytesThatAreNotUtf8() throws Exception {
        byte[] gbk = "{\"body\":\"锦州市举行招聘会\"}".getBytes(java.nio.charset.Charset.forName("GBK"));
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(gbk))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("UTF-8")));
        verify(publisher, never()).publish(anyList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void transcodesAGbkBodyWhenItsCharsetIsDeclared() throws Exception {
        byte[] gbk = "{\"body\":\"锦州市举行招聘会\"}".getBytes(java.nio.charset.Charset.forName("GBK"));
        mvc.perform(post("/api/v1/articles").contentType("application/json; charset=GBK").content(gbk))
                .andExpect(status().isAccepted());
        ArgumentCaptor<List<ArticleSubmitted>> published = ArgumentCaptor.forClass(List.class);
        verify(publisher).publish(published.capture());
        assertThat(published.getValue().get(0).body()).isEqualTo("锦州市举行招聘会");
    }

    @Test
    void rejectsBadPublishedAt() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"x\",\"publishedAt\":\"8月9日\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("publishedAt"));
    }

    @Test
    void acceptsDateTimePublishedAt() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"x\",\"publishedAt\":\"2022-08-10T06:00:00+08:00\"}"))
                .andExpect(status().isAccepted());
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content("{\"body\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsNonStringField() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"x\",\"title\":3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("title"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void acceptsNdjsonBatch() throws Exception {
        String batch = "{\"body\":\"第一篇\",\"source\":\"a\"}\r\n\n{\"body\":\"第二篇\",\"source\":\"a\"}\n";
        mvc.perform(post("/api/v1/articles").contentType("application/x-ndjson").content(batch))
                .andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.articles.length()").value(2));
        ArgumentCaptor<List<ArticleSubmitted>> published = ArgumentCaptor.forClass(List.class);
        verify(publisher).publish(published.capture());
        assertThat(published.getValue()).extracting(ArticleSubmitted::body).containsExactly("第一篇", "第二篇");
    }

    @Test
    void rejectsWholeBatchNamingLineAndField() throws Exception {
        String batch = "{\"body\":\"ok\"}\n{\"body\":\"ok too\"}\n{\"title\":\"no body\"}\n";
        mvc.perform(post("/api/v1/articles").contentType("application/x-ndjson").content(batch))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("line 3")));
        verify(publisher, never()).publish(anyList());
    }

    @Test
    void rejectsUnknownContentType() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.TEXT_XML).content("<a/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answers503WhenBrokerDoesNotAcknowledge() throws Exception {
        doThrow(PublishFailedTestSupport.failure()).when(publisher).publish(anyList());
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(ARTICLE))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
