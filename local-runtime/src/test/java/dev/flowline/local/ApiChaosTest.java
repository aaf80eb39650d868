package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static dev.flowline.local.UnderFaults.awaitQuiet;
import static dev.flowline.local.UnderFaults.persistently;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts created, then half of them updated, over the HTTP API of the local runtime while the bus refuses events
 * ({@code sqs.send}: the local bus is EventBridge over SQS sends), DynamoDB throttles and messages arrive twice; while
 * the API fails after some of its creates were written (their answer from DynamoDB lost: a 500); and while answers
 * are lost on their way back to the client, which then cannot tell whether its request was written. The client
 * repeats every request answered with a 5xx or whose answer it lost, as HubSpot's clients do. Then: no
 * contact lost or made twice, every repeated request succeeded (none refused as a duplicate), every contact enrolled
 * exactly once in the flow its creation triggers, and the updated ones exactly once in the flow the update
 * triggers, and no event is left pending.
 * <p>
 * CI runs {@value #CI_CONTACTS} contacts; {@code ./mvnw -o test -pl local-runtime -am -Dtest=ApiChaosTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dflowline.apichaos.contacts=2000} runs 2,000
 * ({@code -Dflowline.apichaos.seed=N} changes the faults' seed).
 */
class ApiChaosTest {

    static final int CI_CONTACTS = 300;
    private static final String FAULTS = "sqs.send=0.05,dynamodb.throttle=0.05,delivery.duplicate=0.05";
    /** How often the client loses an answer the API sent. */
    private static final double LOST_ANSWERS = 0.05;
    /** How often the API loses DynamoDB's answer to a contact's create, after the create was written. */
    private static final double LOST_CREATE_ANSWERS = 0.05;
    private static final int CLIENTS = 4;
    private static final int ATTEMPTS = 20;
    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Duration REAL_TIME_LIMIT = Duration.ofMinutes(10);
    private static final String SIGNUP = "signup";
    private static final String UPGRADE = "upgrade";

    @TempDir
    Path outbox;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger lostAnswers = new AtomicInteger();
    private final AtomicInteger repeatsSucceeded = new AtomicInteger();
    /** Answers that are neither a success nor worth repeating (a 409 for a repeated create, say), by request. */
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();

    @Test
    void contactsWrittenOverTheApiUnderPublishFaultsAreNeitherLostNorEnrolledTwice() throws Exception {
        int contacts = Integer.getInteger("flowline.apichaos.contacts", CI_CONTACTS);
        long seed = Long.getLong("flowline.apichaos.seed", 20261202L);
        FaultPlan faults = FaultPlan.parse(FAULTS + ",seed=" + seed);
        var lost = new Random(seed);
        var lostCreates = new LostCreateAnswers(new Random(seed + 1));
        Instant started = Instant.now();
        try (var runtime = LocalRuntime.start(new LocalOptions(0, outbox, true, 0, 0, null, Map.of(), 1, 50, faults),
                List.of(lostCreates), dueAt -> { });
             ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            AwsEngine engine = runtime.engine();
            DevClock clock = runtime.devClock().orElseThrow();
            SampleFlows.putEmailTemplates(runtime.engine(), "welcome", "pro-tips");
            engine.engine().ports().flows().save(Flow.parse(flow(SIGNUP, "cohort", "api-chaos", "welcome")));
            engine.engine().ports().flows().save(Flow.parse(flow(UPGRADE, "plan", "pro", "pro-tips")));

            List<String> emails = IntStream.range(0, contacts).mapToObj(i -> "c" + i + "@example.com").toList();
            Map<String, String> ids = new ConcurrentHashMap<>();
            all(clients, emails, email -> ids.put(email, send(runtime, lost, "POST", "/crm/v3/objects/contacts",
                    "{\"properties\":{\"email\":\"" + email + "\",\"cohort\":\"api-chaos\",\"plan\":\"free\"}}")
                    .path("id").asText()));
            List<String> upgraded = emails.subList(0, contacts / 2);
            all(clients, upgraded, email -> send(runtime, lost, "PATCH", "/crm/v3/objects/contacts/" + ids.get(email),
                    "{\"properties\":{\"plan\":\"pro\"}}"));
            long leftPending = persistently(() -> engine.pendingContactEvents()
                    .savedBefore(clock.instant().plusSeconds(1)).mapToLong(p -> p.events().size()).sum());

            int advances = 0;
            do {
                clock.advance(STEP); // past the minute after which the sweep publishes what was left pending
                awaitQuiet(runtime, REAL_TIME_LIMIT);
            } while (!persistently(runtime::idle) && ++advances < 20);
            Duration took = Duration.between(started, Instant.now());

            var contactStore = engine.engine().ports().contacts();
            var enrolments = engine.engine().ports().enrolments();
            Map<String, List<Enrolment>> signups = new ConcurrentHashMap<>();
            Map<String, List<Enrolment>> upgrades = new ConcurrentHashMap<>();
            for (String email : emails) {
                String id = ids.get(email);
                signups.put(email, persistently(() -> enrolments.ofContact(SIGNUP, id)));
                upgrades.put(email, persistently(() -> enrolments.ofContact(UPGRADE, id)));
            }
            long stored = persistently(() -> contactStore.page(null, contacts + 10).items().size());
            System.out.printf("api chaos: %d contacts (%d updated) in %d s real time, %d clock advances of %s "
                            + "(faults %s, lost answers=%.2f, lost create answers=%.2f)%n  faults injected: %s, "
                            + "create answers lost=%d%n"
                            + "  client: 5xx=%d, lost answers=%d, repeats that succeeded=%d, refused=%d; "
                            + "events left pending by refused publishes=%d%n"
                            + "  stored contacts=%d, enrolled in %s=%d, in %s=%d, dead-lettered: %s%n",
                    contacts, upgraded.size(), took.toSeconds(), advances + 1, STEP, faults, LOST_ANSWERS,
                    LOST_CREATE_ANSWERS, faults.injected(), lostCreates.lost.get(), serverErrors.get(),
                    lostAnswers.get(), repeatsSucceeded.get(), refused.size(), leftPending, stored,
                    SIGNUP, signups.values().stream().mapToInt(List::size).sum(),
                    UPGRADE, upgrades.values().stream().mapToInt(List::size).sum(), runtime.deadLettered());

            assertThat(refused).as("requests refused instead of answered as their first attempt").isEmpty();
            assertThat(ids).as("every create answered with its contact").hasSize(contacts);
            assertThat(stored).as("contacts stored: none lost, none made twice").isEqualTo(contacts);
            for (String email : emails) {
                assertThat(persistently(() -> contactStore.findByEmail(email)).map(Contact::id)).as(email)
                        .contains(ids.get(email));
            }
            assertThat(signups).as("enrolled once on creation").allSatisfy((email, enrolled) ->
                    assertThat(enrolled).as(email).singleElement().extracting(Enrolment::status)
                            .isEqualTo(EnrolmentStatus.COMPLETED));
            assertThat(upgrades).as("enrolled once on the update, and only the updated").allSatisfy(
                    (email, enrolled) -> assertThat(enrolled).as(email).hasSize(upgraded.contains(email) ? 1 : 0));
            var metrics = engine.engine().ports().metrics();
            assertThat(persistently(() -> metrics.snapshot(SIGNUP)).enrolled()).as("counted enrolments")
                    .isEqualTo(contacts);
            assertThat(persistently(() -> metrics.snapshot(UPGRADE)).enrolled()).as("counted enrolments")
                    .isEqualTo(upgraded.size());
            assertThat(persistently(engine.pendingContactEvents()::any)).as("events left pending").isFalse();
            assertThat(persistently(runtime::idle)).as("nothing is left to do").isTrue();
            assertThat(serverErrors.get()).as("5xx repeated").isPositive();
            assertThat(lostAnswers.get()).as("lost answers repeated").isPositive();
        }
    }

    /** Fails some creates of contacts after DynamoDB wrote them, as when its answer is lost on the way back. */
    private static final class LostCreateAnswers implements ExecutionInterceptor {

        private final Random random;
        private final AtomicInteger lost = new AtomicInteger();

        LostCreateAnswers(Random random) {
            this.random = random;
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update && update.tableName().endsWith("contacts")
                    && "attribute_not_exists(#id)".equals(update.conditionExpression()) && draw()) {
                lost.incrementAndGet();
                throw new IllegalStateException("the create was written; its answer was lost (injected)");
            }
        }

        private synchronized boolean draw() {
            return random.nextDouble() < LOST_CREATE_ANSWERS;
        }
    }

    /** Runs {@code request} for each item on the client threads, and waits for all. */
    private static void all(ExecutorService clients, List<String> items, Consumer<String> request)
            throws Exception {
        var running = new ArrayList<Future<?>>();
        items.forEach(item -> running.add(clients.submit(() -> request.accept(item))));
        for (Future<?> call : running) {
            call.get();
        }
    }

    /**
     * Sends the request until it is answered with a 2xx that reaches the client: a 5xx, or an answer lost on its way
     * back, is repeated as it was; any other answer is recorded as refused. Returns the body of the 2xx.
     */
    private JsonNode send(LocalRuntime runtime, Random lost, String method, String path, String body) {
        String request = method + " " + path + " " + body;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpResponse<String> response = call(runtime, method, path, body);
            boolean answerLost;
            synchronized (lost) {
                answerLost = lost.nextDouble() < LOST_ANSWERS;
            }
            if (answerLost) {
                lostAnswers.incrementAndGet();
            } else if (response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
            } else if (response.statusCode() / 100 == 2) {
                if (attempt > 1) {
                    repeatsSucceeded.incrementAndGet();
                }
                return FlowlineJson.read(response.body(), JsonNode.class);
            } else {
                refused.put(request, response.statusCode());
                return FlowlineJson.mapper().createObjectNode();
            }
        }
        refused.put(request, -1);
        return FlowlineJson.mapper().createObjectNode();
    }

    private HttpResponse<String> call(LocalRuntime runtime, String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path))
                    .header("Authorization", "Bearer " + runtime.devToken())
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Contacts whose {@code property} is {@code value} get one marketing email. */
    private static String flow(String id, String property, String value, String contentId) {
        return """
                {"id":"%s","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":true,
                 "name":"%s","startActionId":"1","actions":[
                  {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-4",
                   "fields":{"content_id":"%s"}}],
                 "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":%s,
                  "reEnrollmentTriggersFilterBranches":[],"shouldReEnroll":false,
                  "unEnrollObjectsNotMeetingCriteria":false},
                 "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
                 "canEnrollFromSalesforce":false}"""
                .formatted(id, id, contentId, FlowJson.propertyIs(property, value));
    }


}
