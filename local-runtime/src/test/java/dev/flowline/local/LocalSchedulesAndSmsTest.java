package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.FlowJson.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the local runtime and its development clock: a flow's enrolment schedule and the sweep of its time-relative
 * triggers enrol contacts as time passes, and internal SMS go to the account's SMS outbox, delivered at once.
 */
class LocalSchedulesAndSmsTest {

    private static final String FLOW = """
            {"type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW","isEnabled":true,"name":"%s",
             "startActionId":"1","actions":[%s],
             "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":%s,"reEnrollmentTriggersFilterBranches":[],
              "shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false},%s
             "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
             "canEnrollFromSalesforce":false}""";
    private static final String DELAY = """
            {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-1",
             "fields":{"delta":"30","time_unit":"DAYS"}}""";
    private static final String RENEWAL_WITHIN_30_DAYS = """
            {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
             {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[
              {"filterType":"PROPERTY","property":"renewal_date","operation":{"operationType":"ROLLING_DATE_RANGE",
               "operator":"IS_LESS_THAN_X_DAYS_FROM_NOW","numberOfDays":30,"includeObjectsWithNoValueSet":false}}]}]}""";

    @RegisterExtension
    static final LocalRuntimeExtension local = new LocalRuntimeExtension();

    @Test
    void aDailyScheduleEnrolsTheContactsItSelectsAtItsTimeOfDay() throws Exception {
        contact("sched-customer", "plan", "gold");
        contact("sched-lead", "plan", "none");
        int hour = local.clock().instant().plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC).getHour();
        String flowId = create(FLOW.formatted("Daily gold", DELAY, propertyIs("plan", "gold"), """
                "enrollmentSchedule":{"type":"DAILY","timeOfDay":{"hour":%d,"minute":0}},""".formatted(hour)));
        assertThat(local.runtime().engine().engine().ports().enrolments().ofContact(flowId, "sched-customer")).isEmpty();

        local.clock().advance(Duration.ofHours(3));

        Enrolment enrolled = await("the schedule's run enrols the gold contact", () -> local.runtime().engine().engine()
                .ports().enrolments().ofContact(flowId, "sched-customer").stream().findFirst());
        assertThat(enrolled.source()).isEqualTo(EnrolmentSource.SCHEDULE);
        await("every segment of the run is done", () -> Optional.of(true).filter(done -> local.runtime().queuesEmpty()));
        assertThat(local.runtime().engine().engine().ports().enrolments().ofContact(flowId, "sched-lead")).isEmpty();
    }

    @Test
    void aTimeRelativeFlowEnrolsAContactOnceTimeMakesItMatch() throws Exception {
        Instant now = local.clock().instant();
        contact("renews-soon", "renewal_date", now.plus(Duration.ofDays(30)).plus(Duration.ofHours(12)).toString());
        contact("renews-later", "renewal_date", now.plus(Duration.ofDays(60)).toString());
        String flowId = create(FLOW.formatted("Renewals", DELAY, RENEWAL_WITHIN_30_DAYS, ""));
        assertThat(local.runtime().engine().engine().ports().enrolments().ofContact(flowId, "renews-soon")).isEmpty();

        local.clock().advance(Duration.ofDays(1).plusMinutes(1));

        Enrolment enrolled = await("the sweep enrols the contact whose renewal came within 30 days", () ->
                local.runtime().engine().engine().ports().enrolments().ofContact(flowId, "renews-soon").stream().findFirst());
        assertThat(enrolled.source()).isEqualTo(EnrolmentSource.TRIGGER);
        await("every segment of the sweep is done", () -> Optional.of(true).filter(done -> local.runtime().queuesEmpty()));
        assertThat(local.runtime().engine().engine().ports().enrolments().ofContact(flowId, "renews-later")).isEmpty();
    }

    @Test
    void anInternalSmsGoesToTheSmsOutboxAndCountsAsDelivered() throws Exception {
        String sms = """
                {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-25",
                 "fields":{"phone_number":"{{ enrolled_object.mobilephone }}","body":"Call {{ enrolled_object.firstname }}"}}""";
        String flowId = create(FLOW.formatted("Call back", sms, propertyIs("callback", "yes"), ""));
        HttpResponse<String> created = send(HttpRequest.newBuilder(local.runtime().apiUrl().resolve("/crm/v3/objects/contacts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"properties":{"email":"ada@example.com","firstname":"Ada","mobilephone":"+33600000000",
                         "callback":"yes"}}""")));
        String contactId = FlowlineJson.read(created.body(), JsonNode.class).path("id").asText();

        await("the SMS is in the outbox", () -> Optional.of(local.runtime().smsOutboxOf(local.runtime().engine().account()))
                .filter(Files::isDirectory).filter(folder -> folder.toFile().list().length == 1));
        local.clock().advance(Duration.ofMinutes(2));
        HistoryEntry delivered = await("the delivery is read at the next poll", () -> local.runtime().engine().engine().ports()
                .history().ofContact(contactId).stream().filter(entry -> flowId.equals(entry.flowId()))
                .filter(entry -> entry.kind() == HistoryKind.ACTION_SUCCEEDED).findFirst());

        assertThat(delivered.detail()).isEqualTo("SMS notification sent");
        JsonNode listed = FlowlineJson.read(send(HttpRequest.newBuilder(local.runtime().apiUrl()
                .resolve(OutboxRoutes.SMS_PATH)).GET()).body(), JsonNode.class);
        assertThat(listed.path("results")).singleElement().satisfies(message -> {
            assertThat(message.path("to").asText()).isEqualTo("+33600000000");
            assertThat(message.path("body").asText()).isEqualTo("Call Ada");
            assertThat(message.path("flowId").asText()).isEqualTo(flowId);
            assertThat(message.path("idempotencyKey").asText()).isNotBlank();
        });
    }

    private static void contact(String id, String property, String value) {
        var contact = new Contact(id);
        contact.setProperty(property, value, local.clock().instant());
        local.runtime().engine().engine().ports().contacts().create(contact);
    }

    /** Creates the flow through the API, which puts its recurring runs; returns its id. */
    private static String create(String flow) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(local.runtime().apiUrl().resolve("/automation/v4/flows"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(flow)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Flow.parse(created.body()).id();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + local.runtime().devToken()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
