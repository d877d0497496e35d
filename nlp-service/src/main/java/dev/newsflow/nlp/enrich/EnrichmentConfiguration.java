package dev.newsflow.nlp.enrich;

import dev.newsflow.nlp.figures.FigureExtractor;
import dev.newsflow.nlp.ner.EntityRecognizer;
import dev.newsflow.nlp.ner.EntityRecognizers;
import dev.newsflow.nlp.regions.RegionGazetteer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The enrichment pipeline as beans: one thread-safe {@link Enricher} shared by the stream and the API. */
@Configuration(proxyBeanMethods = false)
class EnrichmentConfiguration {

    @Bean
    EntityRecognizer entityRecognizer() {
        return EntityRecognizers.load();
    }

    @Bean
    Enricher enricher(EntityRecognizer recognizer) {
        return new Enricher(recognizer, new FigureExtractor(), RegionGazetteer.shared(), Clock.systemUTC());
    }
}
