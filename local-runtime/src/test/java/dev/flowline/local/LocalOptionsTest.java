package dev.flowline.local;

import org.junit.jupiter.api.Test;

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
}
