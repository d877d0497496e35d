package dev.newsflow.ingest.deadletter;

import dev.newsflow.events.DeadLetter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends dead letters back to the topic they came from: the original key and bytes, the original headers without the
 * dead-letter ones, plus {@link #HEADER_REPLAYED_FROM} and {@link #HEADER_REPLAYED_AT}. Each replay is then recorded
 * in the {@link ReplayLedger}, and a dead letter found there is not sent again (unless forced), so replaying all twice
 * sends each record once. Replays are serialised within the instance.
 */
@Component
class DeadLetterReplayer implements DisposableBean {

    static final String HEADER_REPLAYED_FROM = "newsflow-replayed-from";
    static final String HEADER_REPLAYED_AT = "newsflow-replayed-at";

    /** What one replay did: the dead letter and where its copy landed. */
    record Replay(String deadLetter, String topic, int partition, long offset, Instant replayedAt) {
    }

    /** What "replay all" did. */
    record ReplayAll(String topic, String reason, long scanned, long replayed, long alreadyReplayed,
            long filteredOut, List<Replay> replays) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final int LISTED_REPLAYS = 1000;

    private final DeadLetterLog deadLetters;
    private final ReplayLedger ledger;
    private final DeadLetterProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetterReplayer(DeadLetterLog deadLetters, ReplayLedger ledger, DeadLetterProperties properties,
            KafkaProperties kafka, MeterRegistry meters, Clock clock) {
        this.deadLetters = deadLetters;
        this.ledger = ledger;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-deadletter-replayer");
        this.producer = new KafkaProducer<>(config);
    }

    /** Replays one dead letter; throws {@link AlreadyReplayedException} when it was replayed before and not forced. */
    synchronized Replay replayOne(String dlq, int partition, long offset, boolean force) {
        ConsumerRecord<byte[], byte[]> record = deadLetters.read(dlq, partition, offset, offset + 1).stream()
                .findFirst().orElseThrow(() -> new UnknownDeadLetterException("offset",
                        "no dead letter at offset " + offset + " of " + dlq + " partition " + partition));
        if (!force && ledger.replayed(dlq).contains(ReplayLedger.key(partition, offset))) {
            throw new AlreadyReplayedException("dead letter " + dlq + "/" + partition + "/" + offset
                    + " was replayed before; add force=true to send it again");
        }
        return send(dlq, record);
    }

    /**
     * Replays every dead letter of {@code dlq} present now that was not replayed before and whose reason contains
     * {@code reasonFilter} (case-insensitive; null = all).
     */
    synchronized ReplayAll replayAll(String dlq, String reasonFilter) {
        Set<String> done = new HashSet<>(ledger.replayed(dlq));
        Map<Integer, long[]> ranges = new HashMap<>();
        for (DeadLetterLog.PartitionRange range : deadLetters.partitions(dlq)) {
            ranges.put(range.partition(), new long[] {range.beginning(), range.end()});
        }
        String filter = reasonFilter == null || reasonFilter.isBlank() ? null : reasonFilter.toLowerCase(Locale.ROOT);
        long[] counts = new long[4]; // scanned, replayed, already replayed, filtered out
        List<Replay> replays = new ArrayList<>();
        deadLetters.readRanges(dlq, ranges, record -> {
            counts[0]++;
            if (done.contains(ReplayLedger.key(record.partition(), record.offset()))) {
                counts[2]++;
                return;
            }
            String reason = DeadLetterView.header(record, DeadLetter.HEADER_REASON);
            if (filter != null && (reason == null || !reason.toLowerCase(Locale.ROOT).contains(filter))) {
                counts[3]++;
                return;
            }
            Replay replay = send(dlq, record);
            counts[1]++;
            if (replays.size() < LISTED_REPLAYS) {
                replays.add(replay);
            }
        });
        log.info("replayed {} dead letter(s) of {} (reason filter {}; {} already replayed, {} filtered out)",
                counts[1], dlq, filter, counts[2], counts[3]);
        return new ReplayAll(dlq, reasonFilter, counts[0], counts[1], counts[2], counts[3], List.copyOf(replays));
    }

    /** The topic a dead letter of {@code dlq} goes back to: its original-topic header when it names a known source. */
    String target(String dlq, ConsumerRecord<byte[], byte[]> record) {
        String original = DeadLetterView.header(record, DeadLetter.HEADER_ORIGINAL_TOPIC);
        return original != null && properties.topics().containsValue(original) ? original : properties.topics().get(dlq);
    }

    private Replay send(String dlq, ConsumerRecord<byte[], byte[]> record) {
        String target = target(dlq, record);
        String from = dlq + "/" + record.partition() + "/" + record.offset();
        Instant now = clock.instant();
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(target, null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!isDeadLetterHeader(header.key())) {
                copy.headers().add(header.key(), header.value());
            }
        }
        copy.headers().add(HEADER_REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
        copy.headers().add(HEADER_REPLAYED_AT, now.toString().getBytes(StandardCharsets.UTF_8));
        ledger.ensureMarkerTopic(dlq);
        RecordMetadata sent = await(producer.send(copy), "replay " + from + " to " + target);
        String key = ReplayLedger.key(record.partition(), record.offset());
        String marker = "{\"replayedAt\":\"" + now + "\",\"topic\":\"" + sent.topic() + "\",\"partition\":"
                + sent.partition() + ",\"offset\":" + sent.offset() + "}";
        await(producer.send(new ProducerRecord<>(DeadLetterProperties.markerTopic(dlq),
                key.getBytes(StandardCharsets.UTF_8), marker.getBytes(StandardCharsets.UTF_8))), "mark " + from);
        ledger.add(dlq, key);
        meters.counter("newsflow.deadletters.replayed", "topic", dlq).increment();
        log.info("dead letter {} replayed to {}-{}@{}", from, sent.topic(), sent.partition(), sent.offset());
        return new Replay(from, sent.topic(), sent.partition(), sent.offset(), now);
    }

    static boolean isDeadLetterHeader(String name) {
        return name.startsWith("newsflow-dlt-") || name.startsWith("kafka_dlt-")
                || name.equals(HEADER_REPLAYED_FROM) || name.equals(HEADER_REPLAYED_AT);
    }

    private RecordMetadata await(java.util.concurrent.Future<RecordMetadata> future, String what) {
        try {
            return future.get(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + what, e);
        }
    }

    @Override
    public void destroy() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
