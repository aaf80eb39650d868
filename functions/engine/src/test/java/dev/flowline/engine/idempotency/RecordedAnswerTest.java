package dev.flowline.engine.idempotency;

import dev.flowline.engine.action.WebhookResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedAnswerTest {

    static List<WebhookResponse> answers() {
        return List.of(WebhookResponse.status(200), WebhookResponse.status(503), WebhookResponse.status(429, "120"),
                WebhookResponse.noAnswer("connect timed out"), WebhookResponse.refused("10.0.0.1 is not a public address"));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void everyAnswerReadsBackAsItWasRecorded(WebhookResponse answer) {
        assertThat(RecordedAnswer.read(RecordedAnswer.of(answer))).isEqualTo(answer);
    }

    @Test
    void aClaimKeptBeforeAnswersWereRecordedReadsAsAnswered200() {
        assertThat(RecordedAnswer.read("")).isEqualTo(WebhookResponse.status(200));
    }
}
