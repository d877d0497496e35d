package dev.newsflow.ingest.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsflow.events.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One dead letter as the admin API lists it: where it sits, why it failed (the {@link DeadLetter} headers), where it
 * came from, and its payload as a preview (the full bytes as base64 only when asked for one record).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeadLetterView(
        String topic,
        int partition,
        long offset,
        Instant timestamp,
        String key,
        String reason,
        String stage,
        String exception,
        Integer attempts,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        int payloadSize,
        boolean payloadUtf8,
        String payloadPreview,
        String payloadBase64,
        boolean replayed) {

    static DeadLetterView of(ConsumerRecord<byte[], byte[]> record, int previewChars, boolean withPayload,
            boolean replayed) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String text = strictUtf8(value);
        String preview = text != null ? text : new String(value, StandardCharsets.UTF_8);
        if (preview.length() > previewChars) {
            preview = preview.substring(0, previewChars) + "…";
        }
        return new DeadLetterView(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, DeadLetter.HEADER_REASON), header(record, DeadLetter.HEADER_STAGE),
                header(record, DeadLetter.HEADER_EXCEPTION), integer(header(record, DeadLetter.HEADER_ATTEMPTS)),
                header(record, DeadLetter.HEADER_ORIGINAL_TOPIC),
                integer(header(record, DeadLetter.HEADER_ORIGINAL_PARTITION)),
                longValue(header(record, DeadLetter.HEADER_ORIGINAL_OFFSET)),
                value.length, text != null, preview,
                withPayload ? Base64.getEncoder().encodeToString(value) : null, replayed);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String s) {
        try {
            return s == null ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
