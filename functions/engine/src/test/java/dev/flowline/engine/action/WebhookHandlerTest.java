package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.simulation.Outbox;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.ZONE;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.historyOf;
import static dev.flowline.engine.action.ActionTesting.lastOf;
import static dev.flowline.engine.action.ActionTesting.executor;
import static dev.flowline.engine.action.ActionTesting.setProperty;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookHandlerTest {

    private static final String WEBHOOK = """
            {"type":"WEBHOOK","method":"POST","webhookUrl":"https://example.com/hook?source=flowline",
             "queryParams":[{"name":"email","value":{"type":"OBJECT_PROPERTY","propertyName":"email"}},
                            {"name":"note","value":{"type":"STATIC_VALUE","staticValue":"hi {{ enrolled_object.firstname }}"}}]}""";

    private final Simulator simulator = new Simulator(START, ZONE);
    private final List<Instant> attempts = new ArrayList<>();

    /** Endpoints answering with {@code answers} in turn, the last one forever, noting when each call came. */
    private void endpointAnswers(WebhookResponse... answers) {
        Iterator<WebhookResponse> next = List.of(answers).iterator();
        WebhookResponse[] last = {answers[0]};
        simulator.outbox().answerWebhooks(request -> {
            attempts.add(simulator.clock().instant());
            if (next.hasNext()) {
                last[0] = next.next();
            }
            return last[0];
        });
    }

    private SimulationReport runFor(Duration duration) {
        simulator.addFlow(flow("f", WEBHOOK, setProperty("after", "yes")));
        simulator.addContact(contact("c", "email", "ada+1@example.com", "firstname", "Ada"));
        simulator.enrol("f", "c");
        return simulator.runUntil(START.plus(duration));
    }

    private Contact contactAfterwards() {
        return simulator.contacts().find("c").orElseThrow();
    }

    @Test
    void aSuccessfulCallSendsTheContactWithHistoryAndGoesOn() {
        endpointAnswers(WebhookResponse.status(204));

        var report = runFor(Duration.ofMinutes(1));

        assertThat(report.outbox().webhookRequests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.url()).isEqualTo(
                    "https://example.com/hook?source=flowline&email=ada%2B1%40example.com&note=hi+Ada");
            assertThat(request.headers()).containsEntry("X-Flowline-Idempotency-Key", "f:c:1#0")
                    .containsEntry("Content-Type", "application/json");
            assertThat(ActionTesting.read(request.body()).at("/properties/firstname/versions/0/value").asText())
                    .isEqualTo("Ada");
            assertThat(ActionTesting.read(request.body()).at("/properties/email/value").asText())
                    .isEqualTo("ada+1@example.com");
        });
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_SUCCEEDED);
        assertThat(contactAfterwards().value("after")).contains("yes");
    }

    @Test
    void aClientErrorFailsWithoutRetry() {
        endpointAnswers(WebhookResponse.status(404));

        var report = runFor(Duration.ofDays(4));

        assertThat(attempts).hasSize(1);
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail()).isEqualTo("the endpoint answered 404, which is not retried");
        assertThat(contactAfterwards().value("after")).contains("yes");
    }

    @Test
    void aRefusedTargetFailsWithoutRetry() {
        endpointAnswers(WebhookResponse.refused("10.0.0.7 is a private address"));

        var report = runFor(Duration.ofDays(4));

        assertThat(attempts).hasSize(1);
        assertThat(lastOf(report, "f", "c", "1").detail())
                .isEqualTo("not sent (10.0.0.7 is a private address), which is not retried");
        assertThat(contactAfterwards().value("after")).contains("yes");
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfterInSecondsOrMilliseconds() {
        endpointAnswers(WebhookResponse.status(429, "120"), WebhookResponse.status(429, "90000"),
                WebhookResponse.status(200));

        var report = runFor(Duration.ofHours(1));

        assertThat(attempts).containsExactly(START, START.plusSeconds(120), START.plusSeconds(210));
        assertThat(historyOf(report, "f", "c", "1")).extracting(e -> e.kind()).containsExactly(
                HistoryKind.ACTION_PENDING, HistoryKind.ACTION_PENDING, HistoryKind.ACTION_SUCCEEDED);
    }

    @Test
    void tooManyRequestsWithoutRetryAfterBacksOff() {
        endpointAnswers(WebhookResponse.status(429), WebhookResponse.status(200));

        runFor(Duration.ofHours(1));

        assertThat(attempts).containsExactly(START, START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void serverErrorsAreRetriedFromOneMinuteDoublingUpToEightHoursThenGivenUpAfterThreeDays() {
        endpointAnswers(WebhookResponse.status(503));

        var report = runFor(Duration.ofDays(5));

        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)));
        }
        assertThat(gaps).startsWith(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8));
        assertThat(gaps).allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(Duration.ofHours(8)));
        assertThat(gaps.getLast()).isEqualTo(Duration.ofHours(8));
        // 1 + 9 doubling waits (1..256 minutes, 511 in all) + 7 waits of 8 hours = 3,871 minutes; one more would pass 3 days.
        assertThat(attempts).hasSize(17);
        assertThat(attempts.getLast()).isBefore(START.plus(Duration.ofDays(3)));
        assertThat(lastOf(report, "f", "c", "1").kind()).isEqualTo(HistoryKind.ACTION_FAILED);
        assertThat(lastOf(report, "f", "c", "1").detail())
                .isEqualTo("gave up after 17 attempts over 3 days: the endpoint answered 503");
        assertThat(contactAfterwards().value("after")).contains("yes");
    }

    @Test
    void everyAttemptOfOneDeliveryCarriesTheSameIdempotencyHeader() {
        endpointAnswers(WebhookResponse.noAnswer("connection refused"), WebhookResponse.status(500),
                WebhookResponse.status(200));

        var report = runFor(Duration.ofHours(1));

        assertThat(attempts).containsExactly(START, START.plus(Duration.ofMinutes(1)), START.plus(Duration.ofMinutes(3)));
        assertThat(report.outbox().webhookRequests()).extracting(r -> r.headers().get("X-Flowline-Idempotency-Key"))
                .containsOnly("f:c:1#0");
        assertThat(report.outbox().webhookRequests()).extracting(WebhookRequest::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void theSameStepRunTwiceCallsTheEndpointOnce() {
        var outbox = new Outbox();
        var executor = executor(outbox);
        Flow flow = flow("f", WEBHOOK);
        var context = context(flow, contact("c", "email", "a@example.com"), START);

        executor.execute(flow.action("1").orElseThrow(), context);
        executor.execute(flow.action("1").orElseThrow(), context);

        assertThat(outbox.webhookRequests()).hasSize(1);
    }

    @Test
    void getRequestsHaveNoBody() {
        var outbox = new Outbox();
        Flow flow = flow("f", WEBHOOK.replace("\"POST\"", "\"GET\""));
        executor(outbox).execute(flow.action("1").orElseThrow(), context(flow, contact("c"), START));

        assertThat(outbox.webhookRequests().getFirst().body()).isNull();
        assertThat(outbox.webhookRequests().getFirst().url()).endsWith("email=&note=hi+");
    }

    @Test
    void retryAfterUpToAnHourIsSecondsAboveItMillisecondsOrAnHttpDate() {
        assertThat(WebhookHandler.retryAfter("3600", START)).contains(Duration.ofHours(1));
        assertThat(WebhookHandler.retryAfter("3601", START)).contains(Duration.ofMillis(3601));
        assertThat(WebhookHandler.retryAfter("Mon, 02 Mar 2026 09:05:00 GMT", START)).contains(Duration.ofMinutes(5));
        assertThat(WebhookHandler.retryAfter("0", START)).contains(Duration.ofSeconds(1));
        assertThat(WebhookHandler.retryAfter("soon", START)).isEmpty();
    }
}
