package dev.newsflow.ingest.deadletter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Which dead letters were replayed: one record per replayed dead letter on the compacted topic
 * {@code <dlq>.replayed} (key {@code partition:offset} of the dead letter), mirrored in memory. Before every answer
 * the mirror reads what was added to the topic since it last looked, so replays made by another instance (or before a
 * restart) count too.
 */
@Component
class ReplayLedger {

    private final DeadLetterLog log;
    private final KafkaAdmin admin;
    private final Map<String, Set<String>> replayed = new HashMap<>();
    private final Map<String, Map<Integer, Long>> positions = new HashMap<>();
    private final Set<String> created = new HashSet<>();

    ReplayLedger(DeadLetterLog log, KafkaAdmin admin) {
        this.log = log;
        this.admin = admin;
    }

    static String key(int partition, long offset) {
        return partition + ":" + offset;
    }

    /** The keys ({@link #key}) of the dead letters of {@code dlq} replayed so far, as the marker topic has them now. */
    synchronized Set<String> replayed(String dlq) {
        String marker = DeadLetterProperties.markerTopic(dlq);
        Set<String> keys = replayed.computeIfAbsent(dlq, d -> new HashSet<>());
        Map<Integer, Long> position = positions.computeIfAbsent(dlq, d -> new HashMap<>());
        Map<Integer, long[]> ranges = new HashMap<>();
        for (DeadLetterLog.PartitionRange range : log.partitions(marker)) {
            long from = Math.max(position.getOrDefault(range.partition(), range.beginning()), range.beginning());
            ranges.put(range.partition(), new long[] {from, range.end()});
        }
        log.readRanges(marker, ranges, record -> {
            String k = new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
            if (record.value() == null) {
                keys.remove(k); // a tombstone: the marker was withdrawn, the dead letter may be replayed again
            } else {
                keys.add(k);
            }
        });
        ranges.forEach((p, range) -> position.put(p, range[1]));
        return Set.copyOf(keys);
    }

    /** Remembers a replay written to the marker topic (so the next answer has it even before re-reading). */
    synchronized void add(String dlq, String key) {
        replayed.computeIfAbsent(dlq, d -> new HashSet<>()).add(key);
    }

    /** Creates the compacted marker topic of {@code dlq} once, before the first marker is written to it. */
    synchronized void ensureMarkerTopic(String dlq) {
        if (created.add(dlq)) {
            admin.createOrModifyTopics(TopicBuilder.name(DeadLetterProperties.markerTopic(dlq))
                    .partitions(1).compact().build());
        }
    }
}
