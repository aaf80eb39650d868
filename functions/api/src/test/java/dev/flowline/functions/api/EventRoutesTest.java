package dev.flowline.functions.api;

import dev.flowline.aws.EmbeddedAws;
import dev.flowline.engine.contact.StandardEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class EventRoutesTest {

    @Test
    void aSentEventIsRecordedOnTheContactFoundByEmailAndPublished(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");
        api.published.clear();

        var sent = api.call("POST", "/events/v3/send", "{\"eventName\":\"pe123_webinar_joined\",\"email\":"
                + "\"ada@example.com\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"properties\":{\"room\":\"A\"}}");

        assertThat(sent.status()).isEqualTo(204);
        var event = api.engine.engine().ports().contacts().find(ada).orElseThrow().events("pe123_webinar_joined")
                .getLast();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(event.properties()).containsEntry("room", "A");
        assertThat(api.published).singleElement().satisfies(p -> assertThat(p.activity()).isEqualTo(event));
    }

    @Test
    void aStandardActivityIsRecordedUnderItsEventTypeId(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");

        var recorded = api.call("POST", "/flowline/v1/contacts/" + ada + "/activities",
                "{\"type\":\"FORM_SUBMISSION\",\"properties\":{\"hs_form_id\":\"f-1\"}}");

        assertThat(recorded.status()).isEqualTo(204);
        var event = api.engine.engine().ports().contacts().find(ada).orElseThrow().events().getLast();
        assertThat(event.eventTypeId()).isEqualTo(StandardEvents.FORM_SUBMISSION);
        assertThat(event.occurredAt()).isEqualTo(Api.NOW);
    }

    @Test
    void anSesClickOnTheBusIsRecordedAsAnEmailClick(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");

        api.call("POST", "/flowline/v1/ses-events", """
                {"detail-type":"Email Clicked","source":"aws.ses","detail":{"eventType":"Click",
                 "mail":{"timestamp":"2026-03-02T08:00:00Z","destination":["ada@example.com"],
                         "tags":{"hs_email_id":["777"]}},
                 "click":{"timestamp":"2026-03-02T08:30:00Z","link":"https://example.com"}}}""");

        var event = api.engine.engine().ports().contacts().find(ada).orElseThrow().events(StandardEvents.EMAIL_CLICK)
                .getLast();
        assertThat(event.properties()).containsEntry(StandardEvents.EMAIL_ID, "777");
    }

    @Test
    void badEventsAreRefusedAndNothingIsRecorded(EmbeddedAws.Environment aws) {
        var api = new Api(aws);
        String ada = api.contact("ada@example.com");
        api.published.clear();

        var noContact = api.call("POST", "/events/v3/send", "{\"eventName\":\"e\"}");
        var unknown = api.call("POST", "/events/v3/send", "{\"eventName\":\"e\",\"objectId\":\"404\"}");
        var badType = api.call("POST", "/flowline/v1/contacts/" + ada + "/activities",
                "{\"type\":\"TELEPATHY\",\"occurredAt\":\"yesterday\"}");

        assertThat(noContact.status()).isEqualTo(400);
        assertThat(noContact.body().path("errors").get(0).path("in").asText()).isEqualTo("/objectId");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().path("errors")).hasSize(2);
        assertThat(api.published).isEmpty();
    }
}
