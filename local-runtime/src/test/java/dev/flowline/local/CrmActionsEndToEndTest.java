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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Set;

import static dev.flowline.local.Eventually.await;
import static dev.flowline.local.FlowJson.propertyIs;
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

    @RegisterExtension
    static final LocalRuntimeExtension local = new LocalRuntimeExtension();

    @Test
    void aFlowCreatesATaskAndADealAssociatedWithTheContactThatTheApiServes() {
        var ports = local.runtime().engine().engine().ports();
        Instant now = local.runtime().devClock().orElseThrow().instant();
        ports.flows().save(Flow.parse(FOLLOW_UP));
        var contact = new Contact("ada");
        contact.setProperty("email", "ada@example.com", now);
        contact.setProperty("firstname", "Ada", now);
        contact.setProperty("country", "NL", now);
        ports.contacts().create(contact);

        local.runtime().events().propertiesChanged("ada", Set.of("country"));
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

        JsonNode served = local.api()
                .call("GET", "/crm/v3/objects/tasks/" + task.id() + "?associations=contacts", null, 200);
        assertThat(served.path("properties").path("hs_task_subject").asText()).isEqualTo("Call Ada");
        assertThat(served.path("associations").path("contacts").path("results").get(0).path("id").asText())
                .isEqualTo("ada");
        JsonNode ada = local.api().call("GET", "/crm/v3/objects/contacts/ada?associations=tasks,deals", null, 200);
        assertThat(ada.path("associations").path("deals").path("results").get(0).path("id").asText())
                .isEqualTo(toDeal.to().id());
    }

    @Test
    void aContactWhoseCompanyIsInTechnologyIsEnrolledAndTheFlowSetsTheCompanysProperty() {
        var ports = local.runtime().engine().engine().ports();
        ports.flows().save(Flow.parse(TECH_ACCOUNTS));
        String ada = contact("ada@example.com");
        String bob = contact("bob@example.com");
        String tech = company("TECHNOLOGY", ada);
        String retail = company("RETAIL", bob);
        for (String id : new String[]{ada, bob}) {
            local.api().call("PATCH", "/crm/v3/objects/contacts/" + id, "{\"properties\":{\"city\":\"Delft\"}}", 200);
        }

        await("ada's enrolment completed", () -> ports.enrolments().ofContact("tech-accounts", ada).stream()
                .filter(e -> e.status() == EnrolmentStatus.COMPLETED).findFirst().map(Enrolment::enrolmentId));
        assertThat(ports.crmObjects().find(CrmObjectType.COMPANY, tech).orElseThrow().properties())
                .containsEntry("account_tier", "tech");
        JsonNode served = local.api()
                .call("GET", "/crm/v3/objects/companies/" + tech + "?properties=account_tier", null, 200);
        assertThat(served.path("properties").path("account_tier").asText()).isEqualTo("tech");
        assertThat(ports.contacts().find(ada).orElseThrow().value("account_tier")).isEmpty();
        assertThat(ports.enrolments().ofContact("tech-accounts", bob)).isEmpty();
        assertThat(ports.crmObjects().find(CrmObjectType.COMPANY, retail).orElseThrow().properties())
                .doesNotContainKey("account_tier");
    }

    private static String contact(String email) {
        return local.api().call("POST", "/crm/v3/objects/contacts", "{\"properties\":{\"email\":\"" + email + "\"}}", 201)
                .path("id").asText();
    }

    /** A company of {@code industry} associated with the contact, made through the API; its id. */
    private static String company(String industry, String contactId) {
        return local.api().call("POST", "/crm/v3/objects/companies", """
                {"properties":{"name":"%s Inc","industry":"%s"},"associations":[{"to":{"id":"%s"},
                 "types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":280}]}]}"""
                .formatted(industry, industry, contactId), 201).path("id").asText();
    }
}
