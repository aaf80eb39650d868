package dev.flowline.local;

import dev.flowline.aws.SampleFlows;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.FlowJson.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole local runtime, in this JVM on free ports, with real queues and tables: a contact change enrols a
 * contact, a one-day delay passes on the development clock, one email lands in the outbox, and a goal met
 * unenrols the contact before its second email.
 */
class LocalRuntimeEndToEndTest {

    /** Dutch contacts: wait a day, a welcome email, wait a day, a second email; goal: becoming a customer. */
    private static final String NURTURE = """
            {"id":"nurture","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW",
             "isEnabled":true,"name":"Nurture","startActionId":"1","actions":[
              {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-1",
               "fields":{"delta":"1","time_unit":"DAYS"},"connection":{"edgeType":"STANDARD","nextActionId":"2"}},
              {"type":"SINGLE_CONNECTION","actionId":"2","actionTypeVersion":0,"actionTypeId":"0-4",
               "fields":{"content_id":"welcome"},"connection":{"edgeType":"STANDARD","nextActionId":"3"}},
              {"type":"SINGLE_CONNECTION","actionId":"3","actionTypeVersion":0,"actionTypeId":"0-1",
               "fields":{"delta":"1","time_unit":"DAYS"},"connection":{"edgeType":"STANDARD","nextActionId":"4"}},
              {"type":"SINGLE_CONNECTION","actionId":"4","actionTypeVersion":0,"actionTypeId":"0-4",
               "fields":{"content_id":"second"}}],
             "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":%s,"reEnrollmentTriggersFilterBranches":[],
              "shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false},
             "goalFilterBranch":%s,
             "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
             "canEnrollFromSalesforce":false}"""
            .formatted(propertyIs("country", "NL"), propertyIs("lifecyclestage", "customer"));

    @RegisterExtension
    static final LocalRuntimeExtension local = new LocalRuntimeExtension();

    @BeforeAll
    static void putEmailTemplates() {
        SampleFlows.putEmailTemplates(local.runtime().engine(), "welcome", "second");
    }

    @Test
    void aGoalMetAfterTheFirstEmailUnenrolsTheContactBeforeTheSecond() {
        var engine = local.runtime().engine();
        DevClock clock = local.clock();
        engine.engine().ports().flows().save(Flow.parse(NURTURE));
        var contact = new Contact("ada");
        contact.setProperty("email", "ada@example.com", clock.instant());
        contact.setProperty("country", "NL", clock.instant());
        engine.engine().ports().contacts().create(contact);

        local.runtime().events().propertiesChanged("ada", Set.of("country"));
        Instant enrolledBy = clock.instant();
        await("the contact waits one day", () -> enrolment().filter(e -> e.dueAt() != null
                && e.dueAt().isAfter(enrolledBy.plus(Duration.ofHours(23)))));
        assertThat(emails()).isEmpty();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        // the second delay has run once the enrolment waits before the second email (action 4)
        Instant welcomedBy = clock.instant();
        await("the welcome email is in the outbox, the second delay started",
                () -> enrolment().filter(e -> "4".equals(e.currentActionId()) && e.dueAt() != null
                        && e.dueAt().isAfter(welcomedBy.plus(Duration.ofHours(23))) && emails().size() == 1));

        Contact customer = engine.engine().ports().contacts().find("ada").orElseThrow();
        customer.setProperty("lifecyclestage", "customer", clock.instant());
        engine.engine().ports().contacts().save(customer);
        local.runtime().events().propertiesChanged("ada", Set.of("lifecyclestage"));
        await("the goal unenrols the contact", () -> enrolment().filter(e -> e.status() == EnrolmentStatus.UNENROLLED));

        clock.advance(Duration.ofDays(2));
        await("every wake-up fired and every queue is empty", () -> Optional.of(true).filter(idle -> local.runtime().idle()));

        assertThat(enrolment()).get().satisfies(e -> {
            assertThat(e.unenrolmentReason()).isEqualTo(UnenrolmentReason.GOAL_MET);
            assertThat(e.goalConverted()).isTrue();
        });
        assertThat(emails()).singleElement().satisfies(email -> assertThat(read(email))
                .contains("From: flowline@localhost\r\n", "To: ada@example.com\r\n", "Subject: Marketing email welcome\r\n",
                        "\r\nDate: ", "\r\nX-Flowline-Idempotency-Key: ", "\r\n\r\nHello ada@example.com\r\n"));
        FlowMetricsSnapshot metrics = engine.engine().ports().metrics().snapshot("nurture");
        assertThat(metrics.enrolled()).isEqualTo(1);
        assertThat(metrics.goalConversions()).isEqualTo(1);
        assertThat(metrics.unenrolledByReason()).containsExactly(Map.entry(UnenrolmentReason.GOAL_MET, 1L));
    }

    @Test
    void theHttpApiServesTheApiHandlerAndMovesTheDevelopmentClock() throws Exception {
        var http = HttpClient.newHttpClient();
        URI api = local.runtime().apiUrl();

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(api.resolve("/automation/v4/flows/none"))
                .header("Authorization", "Bearer " + local.runtime().devToken()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(api.resolve("/automation/v4/flows/none"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Instant before = local.runtime().devClock().orElseThrow().instant();
        HttpResponse<String> advanced = http.send(HttpRequest.newBuilder(
                        api.resolve("/_flowline/clock/advance?seconds=3600")).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + local.runtime().devToken()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(missing.body()).contains("\"category\":\"OBJECT_NOT_FOUND\"", "Could not find flow none");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"category\":\"INVALID_AUTHENTICATION\"");
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(local.runtime().devClock().orElseThrow().instant()).isAfterOrEqualTo(before.plusSeconds(3600));
    }

    @Test
    void turningAFlowOnWithEnrollExistingContactsEnrolsTheContactsThatAlreadyMatch() throws Exception {
        var engine = local.runtime().engine();
        var grace = new Contact("grace");
        grace.setProperty("country", "BE", local.runtime().devClock().orElseThrow().instant());
        engine.engine().ports().contacts().create(grace);
        String belgians = NURTURE.replace("\"id\":\"nurture\"", "\"id\":\"ignored\"")
                .replace(propertyIs("country", "NL"), propertyIs("country", "BE"));

        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        local.runtime().apiUrl().resolve("/automation/v4/flows?enrollExistingContacts=true"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + local.runtime().devToken())
                .POST(HttpRequest.BodyPublishers.ofString(belgians))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        String flowId = Flow.parse(created.body()).id();
        Enrolment enrolled = await("the existing contact is enrolled", () ->
                engine.engine().ports().enrolments().ofContact(flowId, "grace").stream().findFirst());
        assertThat(enrolled.source()).isEqualTo(EnrolmentSource.EXISTING_CONTACTS);
    }

    private static Optional<Enrolment> enrolment() {
        List<Enrolment> enrolments = local.runtime().engine().engine().ports().enrolments().ofContact("nurture", "ada");
        assertThat(enrolments).hasSizeLessThanOrEqualTo(1);
        return enrolments.stream().findFirst();
    }

    private static List<Path> emails() {
        Path folder = local.runtime().outboxOf(local.runtime().engine().account());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".eml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


}
