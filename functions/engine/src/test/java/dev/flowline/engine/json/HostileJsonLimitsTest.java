package dev.flowline.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.definition.Flow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostileJsonLimitsTest {

    @Test
    void nestingDeeperThanTheLimitIsRefusedWhileReading() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        assertThatThrownBy(() -> FlowlineJson.read(deep, JsonNode.class))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> Flow.parse("{\"extra\":" + deep + "}"))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        int depth = FlowlineJson.MAX_NESTING_DEPTH;

        assertThat(FlowlineJson.read("[".repeat(depth) + "]".repeat(depth), JsonNode.class).isArray()).isTrue();
        assertThatThrownBy(() -> FlowlineJson.read("[".repeat(depth + 1) + "]".repeat(depth + 1), JsonNode.class))
                .isInstanceOf(InvalidJsonException.class);
    }

    @Test
    void aStringLongerThanTheLimitIsRefused() {
        String limit = "a".repeat(FlowlineJson.MAX_STRING_LENGTH);

        assertThat(FlowlineJson.read("\"" + limit + "\"", String.class)).hasSize(FlowlineJson.MAX_STRING_LENGTH);
        assertThatThrownBy(() -> FlowlineJson.read("{\"name\":\"" + limit + "aa\"}", Flow.class))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("String value length");
    }

    @Test
    void aDuplicateFieldIsRefusedRatherThanOneValueKept() {
        assertThatThrownBy(() -> Flow.parse("{\"name\":\"a\",\"name\":\"b\"}"))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void textAfterTheDocumentIsRefused() {
        assertThatThrownBy(() -> Flow.parse("{\"name\":\"a\"} {\"name\":\"b\"}"))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("Trailing token");
    }

    @Test
    void nonNumericNumbersAreNotJson() {
        assertThatThrownBy(() -> FlowlineJson.read("{\"value\":NaN}", JsonNode.class))
                .isInstanceOf(InvalidJsonException.class);
        assertThatThrownBy(() -> FlowlineJson.read("{\"value\":-Infinity}", JsonNode.class))
                .isInstanceOf(InvalidJsonException.class);
    }

    @Test
    void malformedJsonPointsAtTheValueWhereReadingStopped() {
        assertThatThrownBy(() -> Flow.parse("{\"actions\":[{\"actionId\":\"1\"},{\"type\": }]}"))
                .isInstanceOfSatisfying(InvalidJsonException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/actions/1"));
    }
}
