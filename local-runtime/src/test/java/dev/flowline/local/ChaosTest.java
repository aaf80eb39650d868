package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.flowline.local.UnderFaults.awaitQuiet;
import static dev.flowline.local.UnderFaults.persistently;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts run through a flow with emails, a webhook, delays, a branch and a goal, on the local runtime, under
 * about 10% injected faults (every kind of {@link FaultPlan}); then the invariants: every enrolment finished, none
 * lost, no email or webhook twice for one step, the flow's metrics equal to its enrolment histories.
 * <p>
 * CI runs {@value #CI_CONTACTS} contacts; {@code ./mvnw -o test -pl local-runtime -am
 * -Dtest=ChaosTest -Dsurefire.failIfNoSpecifiedTests=false -Dflowline.chaos.contacts=5000} runs 5,000
 * ({@code -Dflowline.chaos.seed=N} changes the faults' seed).
 */
class ChaosTest {

    static final int CI_CONTACTS = 300;
    private static final String FAULTS = "dynamodb.throttle=0.05,sqs.send=0.03,ses.throttle=0.05,"
            + "delivery.crash=0.02,delivery.duplicate=0.05,delivery.reorder=0.1,schedule.late=0.1,"
            + "schedule.duplicate=0.1,webhook.timeout=0.03,webhook.5xx=0.05,webhook.429=0.03,webhook.4xx=0.01";
    private static final Duration STEP = Duration.ofHours(2);
    private static final Duration REAL_TIME_LIMIT = Duration.ofMinutes(20);
    private static final String FLOW = "chaos";
    private static final String WEBHOOK_ACTION = "3";
    /** What a step records about its action, and what the flow's metrics count per action. */
    private static final Set<HistoryKind> ACTION_OUTCOMES = Set.of(HistoryKind.ACTION_SUCCEEDED,
            HistoryKind.ACTION_SKIPPED, HistoryKind.ACTION_FAILED, HistoryKind.ACTION_PENDING, HistoryKind.WAITING);

    @TempDir
    Path outbox;

    /** What the webhook endpoint saw, per contact (each contact passes the webhook at most once). */
    private final Map<String, Calls> calls = new ConcurrentHashMap<>();

    /** Calls received, answered with a 2xx, taken without an answer (the timeout fault), and their keys. */
    private record Calls(AtomicInteger received, AtomicInteger answered2xx, AtomicInteger dropped, Set<String> keys) {

        Calls() {
            this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), ConcurrentHashMap.newKeySet());
        }
    }

    @Test
    void contactsUnderInjectedFaultsAreNeitherLostNorSentAnythingTwice() throws Exception {
        int contacts = Integer.getInteger("flowline.chaos.contacts", CI_CONTACTS);
        FaultPlan faults = FaultPlan.parse(FAULTS + ",seed=" + Long.getLong("flowline.chaos.seed", 20261123L));
        HttpServer webhooks = webhookEndpoint(faults);
        Instant started = Instant.now();
        try (var runtime = LocalRuntime.start(new LocalOptions(0, outbox, true, 0, 0, null, Map.of(), 1, 50, faults))) {
            AwsEngine engine = runtime.engine();
            DevClock clock = runtime.devClock().orElseThrow();
            SampleFlows.putEmailTemplates(runtime.engine(), "welcome", "pro-tips", "basics");
            engine.engine().ports().flows().save(Flow.parse(flow("http://127.0.0.1:" + webhooks.getAddress().getPort() + "/hook")));
            List<String> ids = IntStream.range(0, contacts).mapToObj(i -> "c" + i).toList();
            for (String id : ids) {
                persistently(() -> createContact(runtime, id, clock.instant()));
            }
            awaitQuiet(runtime, REAL_TIME_LIMIT);
            // a fifth of the contacts become customers after their first day: the goal takes them out
            clock.advance(Duration.ofHours(20));
            awaitQuiet(runtime, REAL_TIME_LIMIT);
            for (String id : ids.subList(0, contacts / 5)) {
                persistently(() -> becomeCustomer(runtime, id, clock.instant()));
            }
            int advances = 0;
            while (!runtime.idle() && advances++ < 200) {
                clock.advance(STEP);
                awaitQuiet(runtime, REAL_TIME_LIMIT);
            }
            Duration took = Duration.between(started, Instant.now());

            List<Enrolment> enrolments = ids.stream()
                    .flatMap(id -> persistently(() -> engine.engine().ports().enrolments().ofContact(FLOW, id)).stream()).toList();
            Map<String, List<HistoryEntry>> histories = enrolments.stream().collect(Collectors.toMap(
                    Enrolment::enrolmentId, e -> persistently(() -> engine.engine().ports().history().ofEnrolment(e.enrolmentId()))));
            Map<HistoryKind, Long> actionRetries = count(histories, HistoryKind.ACTION_PENDING);
            report(contacts, took, advances, faults, runtime, enrolments, actionRetries);

            assertThat(runtime.idle()).as("nothing is left to do").isTrue();
            assertThat(enrolments).as("one enrolment per contact, none lost").hasSize(contacts)
                    .extracting(Enrolment::contactId).doesNotHaveDuplicates();
            assertThat(enrolments).as("every enrolment finished").allSatisfy(e ->
                    assertThat(e.status()).isIn(EnrolmentStatus.COMPLETED, EnrolmentStatus.UNENROLLED));
            assertThat(enrolments).filteredOn(e -> e.status() == EnrolmentStatus.UNENROLLED)
                    .allSatisfy(e -> assertThat(e.unenrolmentReason()).isEqualTo(UnenrolmentReason.GOAL_MET));
            assertThat(runtime.outboxMailer().repeatedKeys()).as("emails sent again for one step").isZero();
            assertThat(emailsPerContactAndContent()).as("no contact got one email twice").allSatisfy(
                    (email, count) -> assertThat(count).as(email).isEqualTo(1));
            assertWebhooksOncePerStep(histories);
            assertMetricsMatchHistories(persistently(() -> engine.engine().ports().metrics().snapshot(FLOW)), enrolments, histories);
        } finally {
            webhooks.stop(0);
            ((java.util.concurrent.ExecutorService) webhooks.getExecutor()).shutdownNow();
        }
    }

    /** Dutch or Belgian, half of them on the pro plan: email, branch, webhook and a day's wait, or two hours. */
    private static String flow(String hookUrl) {
        return """
                {"id":"%s","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":true,
                 "name":"Chaos","startActionId":"1","actions":[
                  {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-4",
                   "fields":{"content_id":"welcome"},"connection":{"edgeType":"STANDARD","nextActionId":"2"}},
                  {"type":"LIST_BRANCH","actionId":"2","listBranches":[{"branchName":"Pro","filterBranch":%s,
                    "connection":{"edgeType":"STANDARD","nextActionId":"3"}}],
                   "defaultBranchName":"Other","defaultBranch":{"edgeType":"STANDARD","nextActionId":"6"}},
                  {"type":"WEBHOOK","actionId":"3","method":"POST","webhookUrl":"%s","queryParams":[],
                   "connection":{"edgeType":"STANDARD","nextActionId":"4"}},
                  {"type":"SINGLE_CONNECTION","actionId":"4","actionTypeVersion":0,"actionTypeId":"0-1",
                   "fields":{"delta":"1","time_unit":"DAYS"},"connection":{"edgeType":"STANDARD","nextActionId":"5"}},
                  {"type":"SINGLE_CONNECTION","actionId":"5","actionTypeVersion":0,"actionTypeId":"0-4",
                   "fields":{"content_id":"pro-tips"}},
                  {"type":"SINGLE_CONNECTION","actionId":"6","actionTypeVersion":0,"actionTypeId":"0-1",
                   "fields":{"delta":"2","time_unit":"HOURS"},"connection":{"edgeType":"STANDARD","nextActionId":"7"}},
                  {"type":"SINGLE_CONNECTION","actionId":"7","actionTypeVersion":0,"actionTypeId":"0-4",
                   "fields":{"content_id":"basics"}}],
                 "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":%s,
                  "reEnrollmentTriggersFilterBranches":[],"shouldReEnroll":false,
                  "unEnrollObjectsNotMeetingCriteria":false},
                 "goalFilterBranch":%s,
                 "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
                 "canEnrollFromSalesforce":false}"""
                .formatted(FLOW, FlowJson.propertyIs("plan", "pro"), hookUrl,
                        FlowJson.propertyIs("cohort", "chaos"),
                        FlowJson.propertyIs("lifecyclestage", "customer"));
    }

    private static void createContact(LocalRuntime runtime, String id, Instant now) {
        var contact = new Contact(id);
        contact.setProperty("email", id + "@example.com", now);
        contact.setProperty("plan", id.hashCode() % 2 == 0 ? "pro" : "free", now);
        contact.setProperty("cohort", "chaos", now);
        if (runtime.engine().engine().ports().contacts().find(id).isEmpty()) { // a retry after the bus refused: created already
            runtime.engine().engine().ports().contacts().create(contact);
        }
        runtime.events().propertiesChanged(id, Set.of("cohort", "plan"));
    }

    private static void becomeCustomer(LocalRuntime runtime, String id, Instant now) {
        Contact contact = runtime.engine().engine().ports().contacts().find(id).orElseThrow();
        contact.setProperty("lifecyclestage", "customer", now);
        runtime.engine().engine().ports().contacts().save(contact);
        runtime.events().propertiesChanged(id, Set.of("lifecyclestage"));
    }




    /** The endpoint: per call, maybe a fault (no answer, 503, 429 with Retry-After, 400), else 204. */
    private HttpServer webhookEndpoint(FaultPlan faults) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> answer(exchange, faults));
        server.start();
        return server;
    }

    private void answer(HttpExchange exchange, FaultPlan faults) throws IOException {
        String contact = FlowlineJson.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                JsonNode.class).path("objectId").asText();
        Calls seen = calls.computeIfAbsent(contact, c -> new Calls());
        seen.received().incrementAndGet();
        seen.keys().add(exchange.getRequestHeaders().getFirst("X-Flowline-Idempotency-Key"));
        var fault = faults.injectOneOf(FaultPlan.Kind.WEBHOOK_TIMEOUT, FaultPlan.Kind.WEBHOOK_5XX,
                FaultPlan.Kind.WEBHOOK_429, FaultPlan.Kind.WEBHOOK_4XX);
        if (fault.isPresent() && fault.get() == FaultPlan.Kind.WEBHOOK_TIMEOUT) {
            seen.dropped().incrementAndGet();
            exchange.close(); // the request was taken; no answer ever comes
            return;
        }
        int status = fault.map(kind -> switch (kind) {
            case WEBHOOK_5XX -> 503;
            case WEBHOOK_429 -> 429;
            default -> 400;
        }).orElse(204);
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "90");
        }
        if (status == 204) {
            seen.answered2xx().incrementAndGet();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * No webhook step was answered 2xx twice, unless an answer was lost on its way back: the endpoint answered but
     * Flowline recorded no answer (its client gave up first), so it called again with the same idempotency key.
     * Every attempt of one step carries the same idempotency key, and every webhook step Flowline recorded as
     * succeeded was answered 2xx.
     */
    private void assertWebhooksOncePerStep(Map<String, List<HistoryEntry>> histories) {
        Map<String, List<HistoryEntry>> webhookSteps = histories.values().stream().flatMap(List::stream)
                .filter(entry -> WEBHOOK_ACTION.equals(entry.actionId()))
                .collect(Collectors.groupingBy(HistoryEntry::contactId));
        assertThat(calls).as("webhook answered 2xx twice for one step without a lost answer").allSatisfy(
                (contact, seen) -> {
                    long unanswered = webhookSteps.getOrDefault(contact, List.of()).stream().filter(entry ->
                            entry.kind() == HistoryKind.ACTION_PENDING && entry.detail().startsWith("no answer")).count();
                    long lostAnswers = Math.max(0, unanswered - seen.dropped().get());
                    assertThat(seen.answered2xx().get()).as(contact).isLessThanOrEqualTo(1 + (int) lostAnswers);
                    assertThat(seen.keys()).as("every attempt of one delivery carries its key").hasSize(1);
                });
        assertThat(webhookSteps).as("webhook steps recorded as succeeded were answered 2xx").allSatisfy(
                (contact, entries) -> {
                    if (entries.stream().anyMatch(entry -> entry.kind() == HistoryKind.ACTION_SUCCEEDED)) {
                        assertThat(calls.getOrDefault(contact, new Calls()).answered2xx().get()).as(contact)
                                .isPositive();
                    }
                });
    }

    private Map<String, Long> emailsPerContactAndContent() throws IOException {
        // the development account's emails: the outbox has a folder per account
        try (var files = Files.list(outbox.resolve("dev"))) {
            return files.filter(file -> file.toString().endsWith(".eml")).map(ChaosTest::toAndContent)
                    .collect(Collectors.groupingBy(email -> email, Collectors.counting()));
        }
    }

    private static String toAndContent(Path email) {
        try {
            List<String> lines = Files.readAllLines(email);
            return lines.stream().filter(line -> line.startsWith("To: ") || line.startsWith("X-Flowline-Content-Id: "))
                    .sorted().collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<HistoryKind, Long> count(Map<String, List<HistoryEntry>> histories, HistoryKind... kinds) {
        var counts = new EnumMap<HistoryKind, Long>(HistoryKind.class);
        histories.values().stream().flatMap(List::stream).filter(entry -> List.of(kinds).contains(entry.kind()))
                .forEach(entry -> counts.merge(entry.kind(), 1L, Long::sum));
        return counts;
    }

    private static void assertMetricsMatchHistories(FlowMetricsSnapshot metrics, List<Enrolment> enrolments,
                                                    Map<String, List<HistoryEntry>> histories) {
        List<HistoryEntry> entries = histories.values().stream().flatMap(List::stream).toList();
        assertThat(metrics.enrolled()).as("enrolled").isEqualTo(kinds(entries, HistoryKind.ENROLLED));
        assertThat(metrics.completed()).as("completed").isEqualTo(kinds(entries, HistoryKind.COMPLETED));
        assertThat(metrics.completed()).as("completed enrolments")
                .isEqualTo(enrolments.stream().filter(e -> e.status() == EnrolmentStatus.COMPLETED).count());
        assertThat(metrics.unenrolledByReason().getOrDefault(UnenrolmentReason.GOAL_MET, 0L)).as("unenrolled")
                .isEqualTo(enrolments.stream().filter(e -> e.status() == EnrolmentStatus.UNENROLLED).count());
        var actions = new HashMap<String, Map<HistoryKind, Long>>();
        entries.stream().filter(entry -> entry.actionId() != null && ACTION_OUTCOMES.contains(entry.kind()))
                .forEach(entry -> actions.computeIfAbsent(entry.actionId(), a -> new EnumMap<>(HistoryKind.class))
                        .merge(entry.kind(), 1L, Long::sum));
        assertThat(metrics.actions()).as("action outcomes").isEqualTo(actions);
    }

    private static long kinds(List<HistoryEntry> entries, HistoryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).count();
    }

    private void report(int contacts, Duration took, int advances, FaultPlan faults, LocalRuntime runtime,
                        List<Enrolment> enrolments, Map<HistoryKind, Long> actionRetries) {
        var lines = new ArrayList<String>();
        lines.add("chaos: %d contacts in %d s real time, %d clock advances of %s (faults %s)".formatted(contacts,
                took.toSeconds(), advances, STEP, faults));
        lines.add("  faults injected: " + faults.injected().entrySet().stream()
                .map(e -> e.getKey().option() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        lines.add("  retries: messages redelivered=%d, webhook retries=%d, emails refused as repeats=%d"
                .formatted(runtime.redeliveries(), actionRetries.getOrDefault(HistoryKind.ACTION_PENDING, 0L),
                        runtime.outboxMailer().repeatedKeys()));
        lines.add("  dead-lettered: " + runtime.deadLettered().entrySet().stream()
                .map(e -> e.getKey().substring(e.getKey().lastIndexOf('/') + 1) + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        lines.add("  enrolments: " + enrolments.stream().collect(Collectors.groupingBy(
                e -> e.status() + (e.unenrolmentReason() == null ? "" : "/" + e.unenrolmentReason()),
                java.util.TreeMap::new, Collectors.counting()))
                + ", webhook calls received=" + calls.values().stream().mapToInt(c -> c.received().get()).sum()
                + ", answered 2xx=" + calls.values().stream().mapToInt(c -> c.answered2xx().get()).sum());
        lines.forEach(System.out::println);
    }
}
