package dev.flowline.aws;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A function's engine reads every setting from the environment it is given, not from the process's. */
class AwsEngineEnvironmentTest {

    private static Map<String, String> environment(String name, String value) {
        var env = new HashMap<>(Map.of("AWS_REGION", "us-east-1"));
        env.put(name, value);
        return env;
    }

    @Test
    void theJourneyLimitComesFromTheGivenEnvironment() {
        var engine = AwsEngine.fromEnvironment(environment("FLOWLINE_MAX_JOURNEYS", "3"));

        assertThat(engine.engine().ports().journeyLimits().maxJourneys()).isEqualTo(3);
    }

    @Test
    void withoutTheVariableTheJourneyLimitIsHubSpots() {
        var engine = AwsEngine.fromEnvironment(Map.of("AWS_REGION", "us-east-1"));

        assertThat(engine.engine().ports().journeyLimits().maxJourneys()).isEqualTo(10);
    }

    @Test
    void theSecretsSourceComesFromTheGivenEnvironment() {
        assertThatThrownBy(() -> AwsEngine.fromEnvironment(environment("FLOWLINE_SECRETS_SOURCE", "vault")))
                .hasMessageContaining("FLOWLINE_SECRETS_SOURCE must be");
    }
}
