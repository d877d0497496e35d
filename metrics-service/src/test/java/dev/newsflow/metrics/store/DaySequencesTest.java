package dev.newsflow.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.newsflow.metrics.TestMongo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaySequencesTest {

    @Test
    void shortAndLongListsOfDaysGetTheSameNumbersAndChunks() {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabase db = mongo.factory("seq").getMongoDatabase();
            Map<String, Long> stored = new HashMap<>();
            List<String> days = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String day = LocalDate.of(2026, 10, 1).plusDays(i).toString();
                days.add(day);
                stored.put(day, 1L + i * 100L);
            }
            DaySequences.advance(db, stored);
            // advancing is a maximum: a lower number never moves a day back
            DaySequences.advance(db, Map.of(days.get(39), 5L));
            days.add("2027-01-01");

            Map<String, Long> all = DaySequences.next(db, days);
            assertThat(all).hasSize(41).containsEntry("2027-01-01", 0L).containsEntry(days.get(0), 1L).containsEntry(days.get(39), 3901L);
            Map<String, Long> lastEleven = new HashMap<>();
            for (int i = 30; i < 40; i++) {
                lastEleven.put(days.get(i), 1L + i * 100L);
            }
            lastEleven.put("2027-01-01", 0L);
            assertThat(DaySequences.next(db, days.subList(30, 41))).isEqualTo(lastEleven);
            Map<String, Integer> chunks = DaySequences.chunks(db, days, 1024);
            assertThat(chunks).containsEntry(days.get(0), 1).containsEntry(days.get(10), 1).containsEntry(days.get(11), 2)
                    .containsEntry(days.get(39), 4).containsEntry("2027-01-01", 0);
        }
    }
}
