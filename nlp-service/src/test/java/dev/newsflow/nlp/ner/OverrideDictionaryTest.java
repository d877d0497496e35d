package dev.newsflow.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.EntityType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverrideDictionaryTest {

    @TempDir
    Path dir;

    private static final String TEXT = "伏羊节期间,东方红星科技在七里河村举办展销会。";

    private static List<NerSpan> apply(OverrideDictionary d, List<NerSpan> model) {
        return d.apply(NerText.normalize(TEXT), model);
    }

    @Test
    void dictionaryNamesReplaceOverlappingModelSpansAndReloadWhenTheFileChanges() throws Exception {
        Path file = dir.resolve("names.tsv");
        Files.writeString(file, "# local names\n东方红星科技\tORGANIZATION\n伏羊节\tNONE\n", StandardCharsets.UTF_8);
        OverrideDictionary d = new OverrideDictionary(file, 0);
        List<NerSpan> model = List.of(new NerSpan(0, 2, EntityType.PERSON), new NerSpan(6, 8, EntityType.LOCATION));

        assertThat(apply(d, model)).containsExactly(new NerSpan(6, 12, EntityType.ORGANIZATION));

        Files.writeString(file, "七里河村\tLOC\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(apply(d, model)).containsExactly(new NerSpan(0, 2, EntityType.PERSON),
                new NerSpan(6, 8, EntityType.LOCATION), new NerSpan(13, 17, EntityType.LOCATION));
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void aBrokenFileKeepsThePreviousNamesAndAMissingFileMeansNone() throws Exception {
        Path file = dir.resolve("names.tsv");
        Files.writeString(file, "东方红星科技\tORG\n", StandardCharsets.UTF_8);
        OverrideDictionary d = new OverrideDictionary(file, 0);
        Files.writeString(file, "no tab on this line\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(d.size()).isEqualTo(1);
        Files.delete(file);
        assertThat(d.size()).isZero();
    }

    @Test
    void rejectsUnknownTypes() {
        assertThatThrownBy(() -> OverrideDictionary.parse(List.of("东方红星\tCOMPANY")))
                .hasMessageContaining("line 1").hasMessageContaining("COMPANY");
    }

    @Test
    void theRecognizerReadsTheDictionaryNamedByTheSystemProperty() throws Exception {
        Path file = dir.resolve("deploy.tsv");
        Files.writeString(file, "星河湾\tLOCATION\n", StandardCharsets.UTF_8);
        System.setProperty(EntityRecognizers.DICTIONARY_PROPERTY, file.toString());
        try {
            OverrideDictionary d = EntityRecognizers.overrideDictionary();
            EntityRecognizer r = new PerceptronEntityRecognizer(
                    ((PerceptronEntityRecognizer) EntityRecognizers.load()).model(), d);
            assertThat(r.recognize("他住在星河湾。")).contains(new NerSpan(3, 6, EntityType.LOCATION));
        } finally {
            System.clearProperty(EntityRecognizers.DICTIONARY_PROPERTY);
        }
    }
}
