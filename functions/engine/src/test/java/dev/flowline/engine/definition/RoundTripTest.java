package dev.flowline.engine.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a HubSpot v4 flow and writing it back gives the same JSON, to the digit. */
class RoundTripTest {

    static List<String> fixtures() {
        return FlowJsonFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void flowWrittenBackIsTheFlowRead(String fixture) throws JsonProcessingException {
        String input = FlowJsonFixtures.read(fixture);

        String output = Flow.parse(input).toJson();

        assertThat(FlowJsonTrees.differences(tree(input), tree(output))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writingIsStableAcrossRepeatedRoundTrips(String fixture) {
        String once = FlowJsonFixtures.parse(fixture).toJson();

        assertThat(Flow.parse(once).toJson()).isEqualTo(once);
    }

    @Test
    void fixturesCoverTheOfficialExampleAndTheSectionThreeAndFivePatterns() {
        assertThat(fixtures()).contains("official-get-example.json", "every-action-type.json",
                "list-based-filters.json", "event-based.json", "unknown-members.json");
    }

    @Test
    void decimalsKeepTheirTrailingZeros() {
        String output = FlowJsonFixtures.parse("list-based-filters.json").toJson();

        assertThat(output).contains("\"value\":1.50").contains("\"value\":42.250")
                .contains("\"upperBound\":9007199254740993");
        assertThat(FlowJsonFixtures.parse("every-action-type.json").toJson()).contains("\"incrementAmount\":1.50");
    }

    @Test
    void comparisonReportsADecimalThatLostItsDigits() throws JsonProcessingException {
        assertThat(FlowJsonTrees.differences(tree("{\"a\":[1.50]}"), tree("{\"a\":[1.5]}")))
                .containsExactly("/a/0: expected 1.50 but was 1.5");
    }

    @Test
    void comparisonReportsAMissingMemberAndIgnoresMemberOrder() throws JsonProcessingException {
        assertThat(FlowJsonTrees.differences(tree("{\"a\":1,\"b\":{\"c\":null}}"), tree("{\"b\":{},\"a\":1}")))
                .containsExactly("/b/c: expected null but was (absent)");
        assertThat(FlowJsonTrees.differences(tree("{\"a\":1,\"b\":2}"), tree("{\"b\":2,\"a\":1}"))).isEmpty();
    }

    private static JsonNode tree(String json) throws JsonProcessingException {
        return FlowlineJson.mapper().readTree(json);
    }
}
