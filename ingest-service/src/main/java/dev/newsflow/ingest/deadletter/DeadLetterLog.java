package dev.newsflow.ingest.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads topics by partition and offset without a consumer group (nothing is committed): the dead-letter topics and
 * the replay markers. Each call opens a short-lived consumer, so calls never share state.
 */
@Component
class DeadLetterLog {

    /** A partition and its offsets: records sit at [{@code beginning}, {@code end}). */
    record PartitionRange(int partition, long beginning, long end) {
        long count() {
            return end - beginning;
        }
    }

    private final Map<String, Object> config;
    private final Duration timeout;

    DeadLetterLog(KafkaProperties kafka, DeadLetterProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-deadletter-reader");
        this.config = Map.copyOf(config);
        this.timeout = properties.readTimeout();
    }

    /** The partitions of {@code topic} with their offsets; empty when the topic does not exist (yet). */
    List<PartitionRange> partitions(String topic) {
        return withConsumer(consumer -> {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> tps = infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(tps, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
            return tps.stream().map(tp -> new PartitionRange(tp.partition(), beginning.get(tp), end.get(tp))).toList();
        });
    }

    /** The records of one partition at offsets [{@code from}, {@code to}), in offset order. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int partition, long from, long to) {
        if (from >= to) {
            return List.of();
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        readRanges(topic, Map.of(partition, new long[] {from, to}), records::add);
        return records;
    }

    /** Feeds every record of the given partitions' ranges ([from, to) per partition) to {@code sink}. */
    void readRanges(String topic, Map<Integer, long[]> ranges, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        withConsumer(consumer -> {
            Map<TopicPartition, long[]> open = new HashMap<>();
            ranges.forEach((p, range) -> {
                if (range[0] < range[1]) {
                    open.put(new TopicPartition(topic, p), range);
                }
            });
            if (open.isEmpty()) {
                return null;
            }
            consumer.assign(open.keySet());
            open.forEach((tp, range) -> consumer.seek(tp, range[0]));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long[] range = open.get(new TopicPartition(topic, record.partition()));
                    if (range != null && record.offset() >= range[0] && record.offset() < range[1]) {
                        sink.accept(record);
                    }
                }
                // a partition is done once the consumer's position passed its end (gaps: compaction, txn markers)
                for (TopicPartition tp : List.copyOf(open.keySet())) {
                    if (consumer.position(tp, timeout) >= open.get(tp)[1]) {
                        open.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
            return null;
        });
    }

    private <T> T withConsumer(Function<KafkaConsumer<byte[], byte[]>, T> work) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            return work.apply(consumer);
        }
    }

}
