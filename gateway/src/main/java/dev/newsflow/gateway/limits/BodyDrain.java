package dev.newsflow.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a body up to a limit. Past the limit it keeps reading and discarding (up to {@link #DISCARD_CAP}) so
 * the client, still uploading, receives the 413 instead of a reset connection — the way web servers linger.
 */
final class BodyDrain {

    /** Beyond this many bytes a refused body is no longer read; the connection is closed instead. */
    static final long DISCARD_CAP = 64L * 1024 * 1024;

    /** What was read: the bytes when within the limit, otherwise only the count. */
    record Read(byte[] bytes, long total) {
        boolean over(long limit) {
            return total > limit;
        }
    }

    private BodyDrain() {
    }

    static Mono<Read> read(Flux<DataBuffer> body, long limit) {
        AtomicLong total = new AtomicLong();
        var out = new java.io.ByteArrayOutputStream();
        return body.takeWhile(buffer -> {
            if (total.get() > DISCARD_CAP) {
                DataBufferUtils.release(buffer);
                return false;
            }
            return true;
        }).doOnNext(buffer -> {
            try {
                int n = buffer.readableByteCount();
                if (total.addAndGet(n) <= limit) {
                    byte[] chunk = new byte[n];
                    buffer.read(chunk);
                    out.write(chunk, 0, n);
                }
            } finally {
                DataBufferUtils.release(buffer);
            }
        }).then(Mono.fromSupplier(() -> new Read(total.get() <= limit ? out.toByteArray() : new byte[0],
                total.get())));
    }

    /** Discards a body the gateway refuses, so the refusal reaches the client. */
    static Mono<Void> discard(Flux<DataBuffer> body, long declaredLength) {
        if (declaredLength > DISCARD_CAP) {
            return Mono.empty();
        }
        return read(body, -1).then();
    }
}
