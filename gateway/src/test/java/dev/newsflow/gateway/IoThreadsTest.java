package dev.newsflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IoThreadsTest {

    private String before;

    @BeforeEach
    void save() {
        before = System.clearProperty(IoThreads.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(IoThreads.PROPERTY);
        } else {
            System.setProperty(IoThreads.PROPERTY, before);
        }
    }

    @Test
    void oneEventLoopUnlessTheEnvironmentSaysOtherwise() {
        IoThreads.apply(Map.of());
        assertThat(System.getProperty(IoThreads.PROPERTY)).isEqualTo("1");

        System.clearProperty(IoThreads.PROPERTY);
        IoThreads.apply(Map.of(IoThreads.VARIABLE, "4"));
        assertThat(System.getProperty(IoThreads.PROPERTY)).isEqualTo("4");
    }

    @Test
    void aCommandLinePropertyWins() {
        System.setProperty(IoThreads.PROPERTY, "3");
        IoThreads.apply(Map.of(IoThreads.VARIABLE, "2"));
        assertThat(System.getProperty(IoThreads.PROPERTY)).isEqualTo("3");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> IoThreads.count("0")).hasMessageContaining("NEWSFLOW_GATEWAY_IO_THREADS");
        assertThatThrownBy(() -> IoThreads.count("many")).hasMessageContaining("at least 1");
    }
}
