package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import static dev.flowline.local.LocalRuntimeEndToEndTest.await;
import static dev.flowline.local.LocalRuntimeEndToEndTest.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow that creates a task ({@code 0-3}) and a deal ({@code 0-14}) runs on the local runtime's queues and
 * tables: both records are in the CRM store, associated with the contact, and the API serves them. A flow filtered on
 * the contact's associated company enrols the contact once it is associated with a technology company and changes,
 * and its {@code 0-5} sets a property of that company in the CRM table.
 */
class CrmActionsEndToEndTest {

    private static final String FOLLOW_UP = """
            {"id":"follow-up","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW",
             "isEnabled":true,"name":"Follow up","startActionId":"1","actions":[
              {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-3",
               "fields":{"task_type":"CALL","subject":"Call {{ enrolled_object.firstname }}","body":"About the renewal",
                "priority":"HIGH","owner_assignment":{"type":"CUSTOM","value":"77"},
                "associations":[{"target":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":204},
                                 "value":{"type":"ENROLLED_OBJECT"}}],
                "due_time":{"delta":2,"timeUnit":"BUSINESS_DAYS","timeOfDay":{"hour":9,"minute":0}}},
               "connection":{"edgeType":"STANDARD","nextActionId":"2"}},
              {"type":"SINGLE_CONNECTION","actionId":"2","actionTypeVersion":0,"actionTypeId":"0-14",
               "fields":{"object_type_id":"0-3","properties":[
                 {"targetProperty":"dealname","value":{"type":"STATIC_VALUE","staticValue":"Renewal {{ enrolled_object.firstname }}"}},
                 {"targetProperty":"dealstage","value":{"type":"STATIC_VALUE","staticValue":"appointmentscheduled"}}]}}],
             "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":%s,"reEnrollmentTriggersFilterBranches":[],
              "shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false},
             "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],
             "canEnrollFromSalesforce":false}""".formatted(propertyIs("country", "NL"));

    private static final String TECH_ACCOUNTS = """
            {"id":"tech-accounts","type":"CONTACT_FLOW","objectTypeId":"0-1","flowType":"WORKFLOW",
             "isEnabled":true,"name":"Tech accounts","startActionId":"1","actions":[
              {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-5",
               "fields":{"property_name":"account_tier","value":{"type":"STATIC_VALUE","staticValue":"tech"},
                "association":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}}}],
             "enrollmentCriteria":{"type":"LIST_BASED","listFilterBranch":
               {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                 {"filterBranchType":"AND","filterBranchOperator":"AND","filters":[],"filterBranches":[
                   {"filterBranchType":"ASSOCIATION","filterBranchOperator":"AND","objectTypeId":"0-2",
                    "associationTypeId":279,"associationCategory":"HUBSPOT_DEFINED","operator":"IN_LIST",
                    "filterBranches":[],"filters":[{"filterType":"PROPERTY","property":"industry","operation":{
                      "operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["TECHNOLOGY"],
                      "includeObjectsWithNoValueSet":false}}]}]}]},
              "reEnrollmentTriggersFilterBranches":[],"shouldReEnroll":false,"unEnrollObjectsNotMeetingCriteria":false},
             "timeWindows":[],"blockedDates":[],"customProperties":{},"suppressionListIds":[],"dataSources":[],
             "canEnrollFromSalesforce":false}""";

    @TempDir
    static Path outbox;
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, outbox, true, 0, 0, null, Map.of(), 1, 50));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aFlowCreatesATaskAndADealAssociatedWithTheContactThatTheApiServes() throws Exception {
        var ports = runtime.engine().engine().ports();
        Instant now = runtime.devClock().orElseThrow().instant();
        ports.flows().save(Flow.parse(FOLLOW_UP));
        var contact = new Contact("ada");
        contact.setProperty("email", "ada@example.com", now);
        contact.setProperty("firstname", "Ada", now);
        contact.setProperty("country", "NL", now);
        ports.contacts().create(contact);

        runtime.events().propertiesChanged("ada", Set.of("country"));
        await("the flow ran to its end", () -> ports.enrolments().ofContact("follow-up", "ada").stream()
                .filter(e -> e.status() == EnrolmentStatus.COMPLETED).findFirst().map(Enrolment::enrolmentId));

        CrmObjectStore crm = ports.crmObjects();
        Association toTask = crm.associations(ObjectRef.contact("ada"), CrmObjectType.TASK, null, 10).items().getFirst();
        Association toDeal = crm.associations(ObjectRef.contact("ada"), CrmObjectType.DEAL, null, 10).items().getFirst();
        assertThat(toTask.typeIds()).containsExactly(203);
        assertThat(toDeal.typeIds()).containsExactly(4);
        CrmObject task = crm.find(CrmObjectType.TASK, toTask.to().id()).orElseThrow();
        assertThat(task.properties()).containsEntry("hs_task_subject", "Call Ada")
                .containsEntry("hs_task_body", "About the renewal").containsEntry("hs_task_type", "CALL")
                .containsEntry("hs_task_priority", "HIGH").containsEntry("hs_task_status", "NOT_STARTED")
                .containsEntry("hubspot_owner_id", "77");
        ZonedDateTime due = Instant.parse(task.properties().get("hs_timestamp")).atZone(ports.timeZone());
        assertThat(due.getHour()).isEqualTo(9);
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(due.toLocalDate()).isAfter(now.atZone(ports.timeZone()).toLocalDate().plusDays(1));
        assertThat(crm.find(CrmObjectType.DEAL, toDeal.to().id()).orElseThrow().properties())
                .containsEntry("dealname", "Renewal Ada").containsEntry("dealstage", "appointmentscheduled");

        JsonNode served = get("/crm/v3/objects/tasks/" + task.id() + "?associations=contacts");
        assertThat(served.path("properties").path("hs_task_subject").asText()).isEqualTo("Call Ada");
        assertThat(served.path("associations").path("contacts").path("results").get(0).path("id").asText())
                .isEqualTo("ada");
        JsonNode ada = get("/crm/v3/objects/contacts/ada?associations=tasks,deals");
        assertThat(ada.path("associations").path("deals").path("results").get(0).path("id").asText())
                .isEqualTo(toDeal.to().id());
    }

    @Test
    void aContactWhoseCompanyIsInTechnologyIsEnrolledAndTheFlowSetsTheCompanysProperty() throws Exception {
        var ports = runtime.engine().engine().ports();
        ports.flows().save(Flow.parse(TECH_ACCOUNTS));
        String ada = send("POST", "/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"ada@example.com\"}}")
                .path("id").asText();
        String bob = send("POST", "/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"bob@example.com\"}}")
                .path("id").asText();
        String tech = company("TECHNOLOGY", ada);
        String retail = company("RETAIL", bob);
        for (String id : new String[]{ada, bob}) {
            send("PATCH", "/crm/v3/objects/contacts/" + id, "{\"properties\":{\"city\":\"Delft\"}}");
        }

        await("ada's enrolment completed", () -> ports.enrolments().ofContact("tech-accounts", ada).stream()
                .filter(e -> e.status() == EnrolmentStatus.COMPLETED).findFirst().map(Enrolment::enrolmentId));
        assertThat(ports.crmObjects().find(CrmObjectType.COMPANY, tech).orElseThrow().properties())
                .containsEntry("account_tier", "tech");
        JsonNode served = send("GET", "/crm/v3/objects/companies/" + tech + "?properties=account_tier", null);
        assertThat(served.path("properties").path("account_tier").asText()).isEqualTo("tech");
        assertThat(ports.contacts().find(ada).orElseThrow().value("account_tier")).isEmpty();
        assertThat(ports.enrolments().ofContact("tech-accounts", bob)).isEmpty();
        assertThat(ports.crmObjects().find(CrmObjectType.COMPANY, retail).orElseThrow().properties())
                .doesNotContainKey("account_tier");
    }

    /** A company of {@code industry} associated with the contact, made through the API; its id. */
    private static String company(String industry, String contactId) throws Exception {
        return send("POST", "/crm/v3/objects/companies", """
                {"properties":{"name":"%s Inc","industry":"%s"},"associations":[{"to":{"id":"%s"},
                 "types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":280}]}]}"""
                .formatted(industry, industry, contactId)).path("id").asText();
    }

    private static JsonNode get(String path) throws Exception {
        return send("GET", path, null);
    }

    private static JsonNode send(String method, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        runtime.apiUrl().resolve(path)).header("Authorization", "Bearer " + runtime.devToken())
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return FlowlineJson.read(response.body(), JsonNode.class);
    }
}
