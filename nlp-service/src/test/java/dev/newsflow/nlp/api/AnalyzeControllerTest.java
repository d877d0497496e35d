package dev.newsflow.nlp.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.newsflow.nlp.enrich.DictionaryRecognizer;
import dev.newsflow.nlp.enrich.Enricher;
import dev.newsflow.nlp.figures.FigureExtractor;
import dev.newsflow.nlp.regions.RegionGazetteer;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AnalyzeController.class)
@Import(AnalyzeControllerTest.Pipeline.class)
class AnalyzeControllerTest {

    @TestConfiguration
    static class Pipeline {
        @Bean
        Enricher enricher() {
            return new Enricher(DictionaryRecognizer.jinzhou(), new FigureExtractor(), RegionGazetteer.shared(),
                    Clock.systemUTC());
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void analyzesAJsonArticle() throws Exception {
        mvc.perform(post("/api/v1/analyze").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "七里河村", "body": "锦州市义县七里河村是全国文明村。", "publishedAt": "2022-08-10"}
                                """))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.language").value("zh"))
                .andExpect(jsonPath("$.title").value("七里河村"))
                .andExpect(jsonPath("$.entities[?(@.text == '锦州市')].regionCode").value("210700"))
                .andExpect(jsonPath("$.regions[?(@.code == '210727')].level").value("COUNTY"))
                .andExpect(jsonPath("$.stats.chineseCharacters").value(15))
                .andExpect(jsonPath("$.provenance.pipelineVersion").value(Enricher.PIPELINE_VERSION));
    }

    @Test
    void analyzesPlainText() throws Exception {
        mvc.perform(post("/api/v1/analyze").contentType(MediaType.TEXT_PLAIN).content("锦州市发展产业链。"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("锦州市发展产业链。"))
                .andExpect(jsonPath("$.entities[0].text").value("锦州市"));
    }

    @Test
    void rejectsMissingBody() throws Exception {
        mvc.perform(post("/api/v1/analyze").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"t\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("body")));
    }

    @Test
    void rejectsBlankPlainText() throws Exception {
        mvc.perform(post("/api/v1/analyze").contentType(MediaType.TEXT_PLAIN).content("   "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
