package dev.newsflow.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.ArticleEnriched;
import dev.newsflow.metrics.TestMongo;
import dev.newsflow.metrics.bench.BenchCorpus;
import dev.newsflow.metrics.query.QueryFingerprint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

class BulkLoaderTest {

    @Test
    void bulkLoadAnswersEveryQueryLikeTheIncrementalStore() {
        JsonMapper json = JsonMapper.builder().build();
        BenchCorpus corpus = new BenchCorpus(3);
        List<ArticleEnriched> articles = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            articles.add(corpus.article(i));
        }
        List<String[]> entities = List.of(new String[] {"PERSON", corpus.personName(0)}, new String[] {"ORGANIZATION", corpus.orgName(0)},
                new String[] {"PERSON", corpus.personName(3)});
        List<String> regions = List.of("210000", corpus.placeCode(0), corpus.placeCode(0).substring(0, 4) + "00");
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabaseFactory incremental = mongo.factory("inc");
            ArticleStore store = new ArticleStore(incremental, new ContributionPlanner(), json);
            for (int i = 0; i < articles.size(); i += 40) {
                store.storeAll(articles.subList(i, Math.min(articles.size(), i + 40)));
            }
            MongoDatabaseFactory bulk = mongo.factory("bulk");
            BulkLoader loader = new BulkLoader(bulk, json);
            articles.forEach(loader::add);
            loader.flush(bulk.getMongoDatabase());
            String expected = QueryFingerprint.of(incremental, entities, regions);
            assertThat(expected).contains(corpus.personName(0));
            assertThat(QueryFingerprint.of(bulk, entities, regions)).isEqualTo(expected);
        }
    }
}
