package dev.flowline.aws.ses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SesEmailEventsTest {

    private static JsonNode ses(String eventType, String specific) {
        return FlowlineJson.read("""
                {"eventType":"%s","mail":{"timestamp":"2026-03-02T09:00:00.000Z","messageId":"m-1",
                 "destination":["ada@example.com"],"tags":{"hs_email_id":["777"],"ses:configuration-set":["fl"]}}
                 %s}""".formatted(eventType, specific), JsonNode.class);
    }

    @Test
    void aClickBecomesAnEmailClickWithTheLinkAndTheEmailIdFromTheTag() {
        var event = SesEmailEvents.of(ses("Click",
                ",\"click\":{\"timestamp\":\"2026-03-02T10:00:00.000Z\",\"link\":\"https://example.com/a\"}"))
                .orElseThrow();

        assertThat(event.recipient()).isEqualTo("ada@example.com");
        assertThat(event.event().eventTypeId()).isEqualTo(StandardEvents.EMAIL_CLICK);
        assertThat(event.event().occurredAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(event.event().properties()).containsEntry(StandardEvents.EMAIL_ID, "777")
                .containsEntry(StandardEvents.URL, "https://example.com/a");
    }

    @Test
    void eachTrackedSesEventTypeMapsToItsEmailEvent() {
        assertThat(SesEmailEvents.of(ses("Send", "")).orElseThrow().event().eventTypeId())
                .isEqualTo(StandardEvents.EMAIL_SENT);
        assertThat(SesEmailEvents.of(ses("Delivery", ",\"delivery\":{\"timestamp\":\"2026-03-02T09:00:01Z\"}"))
                .orElseThrow().event().eventTypeId()).isEqualTo(StandardEvents.EMAIL_DELIVERED);
        assertThat(SesEmailEvents.of(ses("Open", ",\"open\":{\"timestamp\":\"2026-03-02T09:05:00Z\"}"))
                .orElseThrow().event().eventTypeId()).isEqualTo(StandardEvents.EMAIL_OPEN);
        assertThat(SesEmailEvents.of(ses("Bounce", ",\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"timestamp\":\"2026-03-02T09:00:02Z\"}")).orElseThrow().event().eventTypeId())
                .isEqualTo(StandardEvents.EMAIL_BOUNCE);
        assertThat(SesEmailEvents.of(ses("Complaint", ",\"complaint\":{\"timestamp\":\"2026-03-02T09:09:00Z\"}"))
                .orElseThrow().event().eventTypeId()).isEqualTo(StandardEvents.EMAIL_SPAM);
    }

    @Test
    void untrackedSesEventsAreNotRecorded() {
        assertThat(SesEmailEvents.of(ses("Rendering Failure", ""))).isEmpty();
        assertThat(SesEmailEvents.of(ses("DeliveryDelay", ""))).isEmpty();
    }
}
