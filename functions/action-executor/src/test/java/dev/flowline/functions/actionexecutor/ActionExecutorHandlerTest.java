package dev.flowline.functions.actionexecutor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.EmbeddedAws;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.lambda.SqsBatch;
import dev.flowline.aws.scheduler.WakeUp;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.VirtualClock;
import dev.flowline.functions.delaywaker.DelayWakerHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.aws.SampleFlows.marketingEmail;
import static dev.flowline.aws.SampleFlows.webhook;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedAws.class)
class ActionExecutorHandlerTest {

    private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");

    private final VirtualClock clock = new VirtualClock(START, ZoneOffset.UTC);
    private final List<MarketingEmail> emails = new CopyOnWriteArrayList<>();
    private final List<Instant> wakeUps = new ArrayList<>();
    private final List<Call> webhookCalls = new CopyOnWriteArrayList<>();
    /** The operational metrics the engine and the handler count (in Lambda, CloudWatch's). */
    private final Map<String, Long> counted = new ConcurrentHashMap<>();
    private HttpServer endpoint;

    private record Call(String uri, Headers headers, String body) {
    }

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            webhookCalls.add(new Call(exchange.getRequestURI().toString(), exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    }

    /** Every email the engine asks for, repeats included: the count must show that nothing repeats. */
    private AwsEngine engine(EmbeddedAws.Environment aws) {
        AwsEngine engine = aws.engine().clock(clock).wakeUps(wakeUps::add).metrics((name, n) -> counted.merge(name, n, Long::sum))
                .mailer(new Mailer() {
                    @Override
                    public void sendMarketingEmail(MarketingEmail email) {
                        emails.add(email);
                    }

                    @Override
                    public void sendInternalEmail(InternalEmail email) {
                        throw new UnsupportedOperationException();
                    }
                }).build();
        SampleFlows.putEmailTemplates(engine, "welcome", "follow-up", "thanks");
        return engine;
    }

    private static Contact contact51(AwsEngine engine) {
        var contact = new Contact("51");
        contact.setProperty(Contact.EMAIL, "ada@example.com", START.minusSeconds(60));
        engine.engine().ports().contacts().create(contact);
        return contact;
    }

    private static Enrolment enrol(AwsEngine engine, Flow flow, Contact contact) {
        return engine.engine().enroller().enrol(engine.engine().ports().flows().save(flow), contact, EnrolmentSource.MANUAL).enrolment()
                .orElseThrow();
    }

    @Test
    void everyStepDeliveredTwiceAndAWakeUpFiredLateSendOneEmailAndOneWebhookCallPerStep(
            EmbeddedAws.Environment aws) throws Exception {
        AwsEngine engine = engine(aws);
        Enrolment enrolment = enrol(engine, flow("1001", SampleFlows.MANUAL, null,
                marketingEmail("1", "2", "welcome"), delayDays("2", "3", 1), webhook("3", "4", hookUrl()),
                marketingEmail("4", null, "follow-up")), contact51(engine));
        var executor = new ActionExecutorHandler(engine);
        var waker = new DelayWakerHandler(engine);

        for (int round = 0; round < 10 && active(engine, enrolment); round++) {
            List<Message> steps = aws.drain(aws.config().stepQueueUrl());
            if (steps.isEmpty()) {
                // the copy of the step before it asks for the same wake-up again, which changes nothing
                assertThat(Set.copyOf(wakeUps)).as("a step is waiting for its wake-up").hasSize(1);
                Instant due = wakeUps.getFirst();
                wakeUps.clear();
                clock.moveTo(due.plus(Duration.ofMinutes(7)));
                Map<String, Object> input = FlowlineJson.mapper().readValue(new WakeUp(due).toJson(), Map.class);
                waker.handleRequest(input, null);
                waker.handleRequest(input, null);
                continue;
            }
            SQSEvent batch = sqsEvent(steps);
            assertThat(executor.handleRequest(batch, null).getBatchItemFailures()).isEmpty();
            assertThat(executor.handleRequest(batch, null).getBatchItemFailures()).isEmpty();
        }

        assertThat(engine.engine().ports().enrolments().find(enrolment.enrolmentId()).orElseThrow().status())
                .isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(emails).extracting(MarketingEmail::contentId).containsExactly("welcome", "follow-up");
        assertThat(webhookCalls).hasSize(1);
        assertThat(counted).as("each effect and history entry counted once").containsEntry("EmailsSent", 2L)
                .containsEntry("WebhooksCalled", 1L).containsEntry("Enrolled", 1L).containsEntry("Completed", 1L)
                .doesNotContainKey(SqsBatch.DEAD_LETTERED);
        Call call = webhookCalls.getFirst();
        assertThat(call.headers().getFirst("X-Flowline-Idempotency-Key")).isNotBlank();
        String timestamp = call.headers().getFirst("X-HubSpot-Request-Timestamp");
        assertThat(call.headers().getFirst("X-HubSpot-Signature-v3"))
                .isEqualTo(hmac("app-secret", "POST" + hookUrl() + call.body() + timestamp));
        assertThat(aws.drain(aws.config().deadLetterQueueUrl())).isEmpty();
    }

    @Test
    void theStepMessagesSampleRunsTheNextStepOfEachEnrolment(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        Contact contact = contact51(engine);
        enrol(engine, flow("1001", SampleFlows.MANUAL, null, marketingEmail("1", null, "welcome")), contact);
        enrol(engine, flow("1002", SampleFlows.MANUAL, null, marketingEmail("1", null, "thanks")), contact);
        aws.drain(aws.config().stepQueueUrl());

        SQSBatchResponse response = new ActionExecutorHandler(engine)
                .handleRequest(EventLoader.loadSQSEvent("../../events/step-messages.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(emails).extracting(MarketingEmail::contentId).containsExactlyInAnyOrder("welcome", "thanks");
    }

    @Test
    void poisonStepMessagesGoToTheDeadLetterQueueWithoutHoldingBackTheBatchAndAStepOfNoEnrolmentDoesNothing(
            EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        enrol(engine, flow("1001", SampleFlows.MANUAL, null, marketingEmail("1", null, "welcome")),
                contact51(engine));
        aws.drain(aws.config().stepQueueUrl());
        SQSEvent batch = EventLoader.loadSQSEvent("../../events/step-messages.json");
        SQSEvent.SQSMessage good = batch.getRecords().getFirst();
        batch.setRecords(List.of(message("invalid", "enrolmentId=1001:51:1"),
                message("unknown", "{\"enrolmentId\":\"9999:51:1\",\"sequence\":0}"), good));

        SQSBatchResponse response = new ActionExecutorHandler(engine).handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(emails).extracting(MarketingEmail::contentId).containsExactly("welcome");
        assertThat(aws.drain(aws.config().deadLetterQueueUrl()))
                .extracting(m -> m.messageAttributes().get("reason").stringValue())
                .singleElement()
                .satisfies(reason -> assertThat(reason).startsWith("the body cannot be decoded"));
        assertThat(counted).containsEntry(SqsBatch.DEAD_LETTERED, 1L).containsEntry("EmailsSent", 1L);
    }

    @Test
    void anEmailWhoseTemplateIsMissingFailsOnceNamingItAndTheFlowGoesOnWithoutARetry(EmbeddedAws.Environment aws) {
        AwsEngine engine = engine(aws);
        Enrolment enrolment = enrol(engine, flow("1001", SampleFlows.MANUAL, null,
                marketingEmail("1", "2", "spring-sale"), marketingEmail("2", null, "welcome")), contact51(engine));
        var executor = new ActionExecutorHandler(engine);

        for (List<Message> steps; !(steps = aws.drain(aws.config().stepQueueUrl())).isEmpty(); ) {
            assertThat(executor.handleRequest(sqsEvent(steps), null).getBatchItemFailures()).isEmpty();
        }

        assertThat(engine.engine().ports().history().ofEnrolment(enrolment.enrolmentId()))
                .filteredOn(entry -> "1".equals(entry.actionId())).singleElement().satisfies(entry -> {
                    assertThat(entry.kind()).isEqualTo(HistoryKind.ACTION_FAILED);
                    assertThat(entry.detail()).isEqualTo("the email template spring-sale does not exist in this account");
                });
        assertThat(emails).extracting(MarketingEmail::contentId).containsExactly("welcome");
        assertThat(emails.getFirst().message()).isEqualTo(new EmailMessage("Marketing email welcome", null,
                "Hello ada@example.com"));
        assertThat(aws.drain(aws.config().deadLetterQueueUrl())).isEmpty();
    }

    private static boolean active(AwsEngine engine, Enrolment enrolment) {
        return engine.engine().ports().enrolments().find(enrolment.enrolmentId()).orElseThrow().isActive();
    }

    private static SQSEvent sqsEvent(List<Message> messages) {
        var event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> message(m.messageId(), m.body())).toList());
        return event;
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
