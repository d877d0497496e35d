package dev.newsflow.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InProcessCpuTest {

    @Test
    void threadsAreToldApartByName() {
        assertThat(InProcessCpu.role("data-plane-kafka-request-handler-3")).isEqualTo(InProcessCpu.BROKER);
        assertThat(InProcessCpu.role("kafka-scheduler-0")).isEqualTo(InProcessCpu.BROKER);
        assertThat(InProcessCpu.role("group-coordinator-event-processor-1")).isEqualTo(InProcessCpu.BROKER);
        assertThat(InProcessCpu.role("mongo-server-worker2")).isEqualTo(InProcessCpu.MONGO);
        assertThat(InProcessCpu.role("HttpClient-1-Worker-0")).isEqualTo(InProcessCpu.CLIENT);
        assertThat(InProcessCpu.role("pool-12-thread-3")).isEqualTo(InProcessCpu.CLIENT);
        assertThat(InProcessCpu.role("main")).isNull();
        assertThat(InProcessCpu.role("C2 CompilerThread0")).isNull();
    }

    @Test
    void aBusyClientThreadsCpuIsCountedForTheClient() throws Exception {
        Map<String, Duration> before = InProcessCpu.byRole();
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            // spin until this thread has used 30 ms of CPU, however busy the machine, then stay alive until measured
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < 30_000_000L) {
                x += Long.numberOfTrailingZeros(x + 1);
            }
            spun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pool-999-thread-1");
        busy.start();
        spun.await();
        Map<String, Duration> during = InProcessCpu.byRole();
        release.countDown();
        busy.join();

        assertThat(during.keySet()).containsExactly(InProcessCpu.BROKER, InProcessCpu.MONGO, InProcessCpu.CLIENT, InProcessCpu.REST);
        assertThat(during.get(InProcessCpu.CLIENT).minus(before.get(InProcessCpu.CLIENT))).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(during.get(InProcessCpu.MONGO)).isEqualTo(Duration.ZERO);
    }
}
