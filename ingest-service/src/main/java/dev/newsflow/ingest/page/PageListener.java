package dev.newsflow.ingest.page;

import dev.newsflow.events.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Pages arriving on {@link Topics#PAGES_RAW} (value = UTF-8 page text, metadata in headers): split and published
 * like {@code POST /api/v1/pages}. A record that is not a page throws {@link InvalidPageException}, which the
 * error handler sends to the dead-letter topic without retrying.
 */
@Component
class PageListener {

    private final PageIngestor ingestor;

    PageListener(PageIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @KafkaListener(id = "ingest-pages", topics = Topics.PAGES_RAW, groupId = Topics.INGEST_GROUP)
    void onPage(ConsumerRecord<String, byte[]> record) {
        PageMetadata page = PageIngestor.metadata(header(record, Topics.HEADER_PAGE_SOURCE),
                header(record, Topics.HEADER_PAGE_EDITION), header(record, Topics.HEADER_PAGE_NUMBER));
        ingestor.ingest(utf8(record.value(), "record value"), page);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : utf8(h.value(), "header " + name);
    }

    private static String utf8(byte[] bytes, String what) {
        if (bytes == null) {
            throw new InvalidPageException("body", "the " + what + " is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPageException("body", "the " + what + " is not valid UTF-8");
        }
    }
}
