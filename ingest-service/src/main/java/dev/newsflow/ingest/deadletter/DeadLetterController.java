package dev.newsflow.ingest.deadletter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API of the dead-letter topics: what is there, one record with its payload, replay one or all.
 * <ul>
 * <li>{@code GET /api/v1/admin/deadletters}: each dead-letter topic, its partitions, count and replayed count;</li>
 * <li>{@code GET /api/v1/admin/deadletters/{topic}?partition&limit&cursor}: newest first, paged by {@code cursor};
 *     with {@code from} (inclusive) and/or {@code to} (exclusive) an offset range in offset order instead;</li>
 * <li>{@code GET /api/v1/admin/deadletters/{topic}/{partition}/{offset}}: one, with the payload as base64;</li>
 * <li>{@code POST .../{topic}/{partition}/{offset}/replay[?force=true]}: back to its original topic (409 if replayed
 *     before and not forced);</li>
 * <li>{@code POST .../{topic}/replay[?reason=text]}: every one not replayed yet (whose reason contains the text).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/admin/deadletters")
class DeadLetterController {

    record TopicSummary(String topic, String originalTopic, String markerTopic, long count, long replayed,
            List<DeadLetterLog.PartitionRange> partitions) {
    }

    record Listing(String topic, String order, int limit, List<DeadLetterView> items, String nextCursor) {
    }

    record Topics(List<TopicSummary> topics) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    private final DeadLetterLog deadLetters;
    private final ReplayLedger ledger;
    private final DeadLetterReplayer replayer;
    private final DeadLetterProperties properties;

    DeadLetterController(DeadLetterLog deadLetters, ReplayLedger ledger, DeadLetterReplayer replayer,
            DeadLetterProperties properties) {
        this.deadLetters = deadLetters;
        this.ledger = ledger;
        this.replayer = replayer;
        this.properties = properties;
    }

    @GetMapping
    Topics topics() {
        List<TopicSummary> summaries = new ArrayList<>();
        properties.topics().forEach((dlq, original) -> {
            List<DeadLetterLog.PartitionRange> partitions = deadLetters.partitions(dlq);
            long count = partitions.stream().mapToLong(DeadLetterLog.PartitionRange::count).sum();
            long replayed = partitions.isEmpty() ? 0 : ledger.replayed(dlq).size();
            summaries.add(new TopicSummary(dlq, original, DeadLetterProperties.markerTopic(dlq), count, replayed,
                    partitions));
        });
        return new Topics(summaries);
    }

    @GetMapping("/{topic}")
    Listing list(@PathVariable String topic, @RequestParam(required = false) Integer partition,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        known(topic);
        if (limit < 1 || limit > properties.maxLimit()) {
            throw new IllegalArgumentException("limit must be between 1 and " + properties.maxLimit() + ", was " + limit);
        }
        if ((from != null && from < 0) || (to != null && to < 0)) {
            throw new IllegalArgumentException("from and to must be offsets (>= 0)");
        }
        if (cursor != null && (from != null || to != null)) {
            throw new IllegalArgumentException("cursor pages newest first; it cannot be combined with from/to");
        }
        List<DeadLetterLog.PartitionRange> partitions = selected(topic, partition);
        Set<String> replayed = ledger.replayed(topic);
        if (from != null || to != null) {
            return byOffset(topic, partitions, from == null ? 0 : from, to == null ? Long.MAX_VALUE : to, limit, replayed);
        }
        return newestFirst(topic, partitions, cursor(cursor), limit, replayed);
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetterView one(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        ConsumerRecord<byte[], byte[]> record = record(topic, partition, offset);
        boolean replayed = ledger.replayed(topic).contains(ReplayLedger.key(partition, offset));
        return DeadLetterView.of(record, properties.previewChars(), true, replayed);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    DeadLetterReplayer.Replay replayOne(@PathVariable String topic, @PathVariable int partition,
            @PathVariable long offset, @RequestParam(defaultValue = "false") boolean force) {
        record(topic, partition, offset);
        return replayer.replayOne(topic, partition, offset, force);
    }

    @PostMapping("/{topic}/replay")
    DeadLetterReplayer.ReplayAll replayAll(@PathVariable String topic,
            @RequestParam(required = false) String reason) {
        known(topic);
        return replayer.replayAll(topic, reason);
    }

    private Listing byOffset(String topic, List<DeadLetterLog.PartitionRange> partitions, long from, long to,
            int limit, Set<String> replayed) {
        List<DeadLetterView> items = new ArrayList<>();
        for (DeadLetterLog.PartitionRange range : partitions) {
            long start = Math.max(from, range.beginning());
            long end = Math.min(Math.min(to, range.end()), start + limit);
            for (ConsumerRecord<byte[], byte[]> r : deadLetters.read(topic, range.partition(), start, end)) {
                items.add(view(r, replayed));
            }
        }
        items.sort(Comparator.comparingInt(DeadLetterView::partition).thenComparingLong(DeadLetterView::offset));
        return new Listing(topic, "offset", limit, items.size() > limit ? items.subList(0, limit) : items, null);
    }

    private Listing newestFirst(String topic, List<DeadLetterLog.PartitionRange> partitions,
            Map<Integer, Long> cursor, int limit, Set<String> replayed) {
        Map<Integer, Long> upper = new HashMap<>();
        List<DeadLetterView> candidates = new ArrayList<>();
        for (DeadLetterLog.PartitionRange range : partitions) {
            long to = Math.max(range.beginning(), Math.min(range.end(), cursor.getOrDefault(range.partition(), range.end())));
            upper.put(range.partition(), to);
            for (ConsumerRecord<byte[], byte[]> r : deadLetters.read(topic, range.partition(),
                    Math.max(range.beginning(), to - limit), to)) {
                candidates.add(view(r, replayed));
            }
        }
        candidates.sort(Comparator.comparing(DeadLetterView::timestamp).thenComparingLong(DeadLetterView::offset)
                .reversed());
        List<DeadLetterView> items = candidates.size() > limit ? candidates.subList(0, limit) : candidates;
        for (DeadLetterView item : items) {
            upper.merge(item.partition(), item.offset(), Math::min);
        }
        boolean more = partitions.stream().anyMatch(r -> upper.get(r.partition()) > r.beginning());
        String next = more ? upper.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")) : null;
        return new Listing(topic, "newest-first", limit, List.copyOf(items), next);
    }

    private DeadLetterView view(ConsumerRecord<byte[], byte[]> record, Set<String> replayed) {
        return DeadLetterView.of(record, properties.previewChars(), false,
                replayed.contains(ReplayLedger.key(record.partition(), record.offset())));
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset) {
        DeadLetterLog.PartitionRange range = selected(topic, partition).get(0);
        if (offset < range.beginning() || offset >= range.end()) {
            throw new UnknownDeadLetterException("offset", "offset " + offset + " is not in " + topic + " partition "
                    + partition + " (it holds offsets " + range.beginning() + " to " + (range.end() - 1) + ")");
        }
        return deadLetters.read(topic, partition, offset, offset + 1).stream().findFirst()
                .orElseThrow(() -> new UnknownDeadLetterException("offset",
                        "no dead letter at offset " + offset + " of " + topic + " partition " + partition));
    }

    private List<DeadLetterLog.PartitionRange> selected(String topic, Integer partition) {
        known(topic);
        List<DeadLetterLog.PartitionRange> all = deadLetters.partitions(topic);
        if (partition == null) {
            return all;
        }
        return all.stream().filter(r -> r.partition() == partition).findFirst().map(List::of)
                .orElseThrow(() -> new UnknownDeadLetterException("partition", "partition " + partition
                        + " does not exist in " + topic + " (it has " + all.size() + " partition(s))"));
    }

    private void known(String topic) {
        if (!properties.topics().containsKey(topic)) {
            throw new UnknownDeadLetterException("topic", "unknown dead-letter topic '" + topic + "'; known: "
                    + String.join(", ", properties.topics().keySet()));
        }
    }

    private static Map<Integer, Long> cursor(String cursor) {
        Map<Integer, Long> positions = new HashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return positions;
        }
        try {
            for (String part : cursor.split(",")) {
                String[] pair = part.split(":", 2);
                positions.put(Integer.valueOf(pair[0].strip()), Long.valueOf(pair[1].strip()));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor must be the nextCursor of a previous page "
                    + "(partition:offset,...), was '" + cursor + "'");
        }
        return positions;
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownDeadLetterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown dead letter");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail alreadyReplayed(AlreadyReplayedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Already replayed");
        problem.setProperty("parameter", "force");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badParameter(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        return problem;
    }

    @ExceptionHandler({KafkaException.class, IllegalStateException.class})
    ProblemDetail brokerTrouble(RuntimeException e) {
        log.warn("dead-letter admin: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The message broker did not answer in time; retry later. (" + e.getMessage() + ")");
        problem.setTitle("Broker unavailable");
        return problem;
    }
}
