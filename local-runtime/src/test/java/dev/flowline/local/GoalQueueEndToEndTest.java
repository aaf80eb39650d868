package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.SampleFlows;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.flowline.aws.SampleFlows.delayDays;
import static dev.flowline.aws.SampleFlows.flow;
import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.FlowJson.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact events reach the goal checker only through the trigger evaluator, and only for the accounts with a flow the
 * goal checker watches: in one runtime, a contact of an account whose flow waits for a form submission goes on when
 * the submission comes, while the events of an account whose flows have no goal, suppression list or wait never
 * reach the goal queue.
 */
class GoalQueueEndToEndTest {

    private static final Account WAITING = new Account("waiting");
    private static final Account PLAIN = new Account("plain");
    private static final String WAIT_FOR_FORM = """
            {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-29",
             "fields":{"event_filter_branches":[%s],"expiration_minutes":"1440"},
             "connection":{"edgeType":"STANDARD","nextActionId":"2"}}""".formatted(SampleFlows.FORM_SUBMITTED);

    /** The bodies the runtime's functions sent to the goal queue. */
    private final List<String> sentToGoals = new CopyOnWriteArrayList<>();
    private Path outbox;
    private LocalRuntime runtime;

    @BeforeEach
    void start() throws IOException {
        outbox = Files.createTempDirectory("flowline-outbox");
        ExecutionInterceptor goalSends = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendMessageBatchRequest send && send.queueUrl().endsWith("-goals")) {
                    send.entries().forEach(entry -> sentToGoals.add(entry.messageBody()));
                }
            }
        };
        runtime = LocalRuntime.start(new LocalOptions(0, outbox, true, 0, 0, null, Map.of(), 1, 50),
                List.of(goalSends), dueAt -> { });
    }

    @AfterEach
    void stop() throws IOException {
        runtime.close();
        try (var files = Files.walk(outbox)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void theGoalCheckerGetsTheEventsOfTheAccountWhoseFlowWaitsForOneAndNoneOfTheOther() {
        AwsEngine plain = runtime.engine().forAccount(PLAIN);
        plain.engine().ports().flows().save(flow("nl", SampleFlows.listBased(propertyIs("country", "NL")), null,
                delayDays("1", null, 1)));
        var bob = new Contact("bob");
        bob.setProperty("country", "NL", runtime.devClock().orElseThrow().instant());
        plain.engine().ports().contacts().create(bob);
        AwsEngine waiting = runtime.engine().forAccount(WAITING);
        Flow waitForForm = waiting.engine().ports().flows().save(flow("form", SampleFlows.MANUAL, null,
                WAIT_FOR_FORM, delayDays("2", null, 1)));
        waiting.engine().ports().contacts().create(new Contact("ada"));

        runtime.events().forAccount(PLAIN).propertiesChanged("bob", Set.of("country"));
        Enrolment ada = waiting.engine().enroller().enrol(waitForForm, waiting.engine().ports().contacts()
                .find("ada").orElseThrow(), EnrolmentSource.MANUAL).enrolment().orElseThrow();
        await("ada waits for the form", () -> enrolment(waiting, ada).filter(e -> e.eventWait() != null));
        waiting.engine().context().events().activity("ada", new ActivityEvent(StandardEvents.FORM_SUBMISSION,
                runtime.devClock().orElseThrow().instant(), Map.of()));

        await("the submission ends ada's wait, met", () -> enrolment(waiting, ada).filter(e -> e.outputs() != null
                && "true".equals(e.outputs().getOrDefault("1", Map.of()).get("hs_event_criteria_met"))));
        await("bob is enrolled and waits a day", () -> plain.engine().ports().enrolments().ofContact("nl", "bob")
                .stream().findFirst().filter(e -> e.dueAt() != null));
        Eventually.awaitQueuesEmpty(runtime);
        assertThat(sentToGoals).isNotEmpty().extracting(GoalQueueEndToEndTest::accountOf)
                .containsOnly(WAITING.id());
    }

    private static Optional<Enrolment> enrolment(AwsEngine engine, Enrolment enrolment) {
        return engine.engine().ports().enrolments().find(enrolment.enrolmentId());
    }

    private static String accountOf(String body) {
        return FlowlineJson.read(body, JsonNode.class).path("detail").path("account").asText();
    }
}
