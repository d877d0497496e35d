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

    @Test
    void takingNumbersHandsOutConsecutiveRangesPerDayAndRaisesTheNextNumber() throws Exception {
        try (TestMongo mongo = new TestMongo()) {
            MongoDatabase db = mongo.factory("seq-take").getMongoDatabase();
            DaySequences.advance(db, Map.of("2026-11-01", 1500L));

            assertThat(DaySequences.take(db, Map.of("2026-11-01", 3, "2026-11-02", 2))).isEqualTo(Map.of("2026-11-01", 1500L, "2026-11-02", 0L));
            assertThat(DaySequences.take(db, Map.of("2026-11-02", 4))).isEqualTo(Map.of("2026-11-02", 2L));
            assertThat(DaySequences.next(db, List.of("2026-11-01", "2026-11-02", "2026-11-03")))
                    .isEqualTo(Map.of("2026-11-01", 1503L, "2026-11-02", 6L, "2026-11-03", 0L));

            // writers taking numbers of the same day at once get ranges that do not overlap
            java.util.Set<Long> handedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> takes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                takes.add(pool.submit(() -> {
                    long first = DaySequences.take(db, Map.of("2026-11-03", 5)).get("2026-11-03");
                    for (long n = first; n < first + 5; n++) {
                        assertThat(handedOut.add(n)).as("number %d handed out twice", n).isTrue();
                    }
                }));
            }
            for (var take : takes) {
                take.get();
            }
            pool.shutdown();
            assertThat(handedOut).hasSize(200).allMatch(n -> n >= 0 && n < 200);
            assertThat(DaySequences.next(db, List.of("2026-11-03"))).containsEntry("2026-11-03", 200L);
        }
    }
}
