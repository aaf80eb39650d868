package dev.flowline.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalOptionsTest {

    @Test
    void eachFunctionHasOnePollerUnlessToldOtherwise() {
        assertThat(LocalOptions.parse(new String[0], Map.of()).concurrency()).isEqualTo(1);
        assertThat(LocalOptions.parse(new String[]{"--concurrency", "5"}, Map.of()).concurrency()).isEqualTo(5);
    }

    @Test
    void aConcurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--concurrency", "0"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
    }

    @Test
    void dataIsKeptInDotFlowlineDataUnlessToldOtherwise() {
        assertThat(LocalOptions.parse(new String[0], Map.of()).data()).isEqualTo(Path.of(".flowline-data"));
        assertThat(LocalOptions.parse(new String[]{"--data", "/tmp/x"}, Map.of()).data())
                .isEqualTo(Path.of("/tmp/x"));
        LocalOptions throwaway = LocalOptions.parse(new String[]{"--in-memory"}, Map.of());
        assertThat(throwaway.inMemory()).isTrue();
        assertThat(throwaway.data()).isNull();
        assertThatThrownBy(() -> LocalOptions.parse(new String[]{"--in-memory", "--data", "d"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--in-memory");
    }

    @Test
    void theConstructorsOfTestsAndBenchmarksKeepNothing() {
        assertThat(new LocalOptions(0, Path.of("outbox"), true, 0, 0, null, Map.of(), 1, 50).inMemory())
                .isTrue();
    }
}
