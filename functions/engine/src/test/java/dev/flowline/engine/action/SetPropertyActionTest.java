package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.CrmObjects;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.idempotency.IdempotentEffects;
import dev.flowline.engine.crm.StoredCrmRecords;
import dev.flowline.engine.simulation.InMemoryContactStore;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import dev.flowline.engine.simulation.InMemoryLedger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.flowline.engine.action.ActionTesting.START;
import static dev.flowline.engine.action.ActionTesting.ZONE;
import static dev.flowline.engine.action.ActionTesting.action;
import static dev.flowline.engine.action.ActionTesting.contact;
import static dev.flowline.engine.action.ActionTesting.context;
import static dev.flowline.engine.action.ActionTesting.flow;
import static dev.flowline.engine.action.ActionTesting.withOutputs;
import static org.assertj.core.api.Assertions.assertThat;

class SetPropertyActionTest {

    private final InMemoryCrmObjectStore crm = new InMemoryCrmObjectStore();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final SetPropertyAction handler = new SetPropertyAction(IdempotentEffects.records(new InMemoryLedger(),
            new StoredCrmRecords(Clock.fixed(START, ZONE), new CrmObjects(Clock.fixed(START, ZONE), contacts, crm))),
            crm);

    private StepResult.Next set(Contact contact, String property, String value) {
        return set(contact, property, value, Map.of());
    }

    private StepResult.Next set(Contact contact, String property, String value, Map<String, String> earlierOutputs) {
        Flow flow = flow("f", action("0-5", "{\"property_name\":\"" + property + "\",\"value\":" + value + "}"));
        var context = withOutputs(context(flow, contact, START), "0", earlierOutputs);
        return (StepResult.Next) handler.execute((dev.flowline.engine.definition.SingleConnectionAction)
                flow.action("1").orElseThrow(), context);
    }

    @Test
    void aStaticValueIsSetAtTheStepTime() {
        var contact = contact("c");
        var result = set(contact, "lifecyclestage", "{\"type\":\"STATIC_VALUE\",\"staticValue\":\"lead\"}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SUCCEEDED);
        assertThat(contact.value("lifecyclestage")).contains("lead");
        assertThat(contact.updatedAt("lifecyclestage")).contains(START);
        assertThat(contact.takeChanges()).containsExactly("lifecyclestage");
    }

    @Test
    void anEmailWithCrlfIsRefusedSoNoHeaderCanBeInjected() {
        var contact = contact("c", "email", "ada@example.com");
        var result = set(contact, "email",
                "{\"type\":\"STATIC_VALUE\",\"staticValue\":\"ada@example.com\\r\\nBcc: eve@example.com\"}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).isEqualTo("did not set email: an email address cannot hold control "
                + "characters or whitespace: character 16 is U+000D");
        assertThat(contact.value("email")).contains("ada@example.com");
        assertThat(contact.takeChanges()).isEmpty();
    }

    @Test
    void notAnEmailCopiedIntoTheEmailIsRefused() {
        var contact = contact("c", "email", "ada@example.com", "notes", "not-an-email");
        var result = set(contact, "email", "{\"type\":\"OBJECT_PROPERTY\",\"propertyName\":\"notes\"}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(contact.value("email")).contains("ada@example.com");
    }

    @Test
    void anEmailAddressIsSetAndAnEmptyOneClearsIt() {
        var contact = contact("c");
        set(contact, "email", "{\"type\":\"STATIC_VALUE\",\"staticValue\":\"ada+news@mail.example.com\"}");
        assertThat(contact.value("email")).contains("ada+news@mail.example.com");

        set(contact, "email", "{\"type\":\"STATIC_VALUE\",\"staticValue\":\"\"}");
        assertThat(contact.value("email")).isEmpty();
    }

    @Test
    void aNulPropertyNameIsRefused() {
        var contact = contact("c");
        var result = set(contact, "\\u0000", "{\"type\":\"STATIC_VALUE\",\"staticValue\":\"x\"}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).isEqualTo("cannot set property_name: a property name must start with "
                + "a lower-case letter (a-z), not U+0000");
        assertThat(contact.propertyNames()).isEmpty();
    }

    @Test
    void anEmptyStaticValueClearsTheProperty() {
        var contact = contact("c", "hs_lead_status", "OPEN");
        set(contact, "hs_lead_status", "{\"type\":\"STATIC_VALUE\",\"staticValue\":\"\"}");

        assertThat(contact.value("hs_lead_status")).isEmpty();
    }

    @Test
    void staticValuesHavePersonalisationTokensReplaced() {
        var contact = contact("c", "firstname", "Ada");
        set(contact, "greeting", "{\"type\":\"STATIC_VALUE\",\"staticValue\":\"Hello {{ enrolled_object.firstname }}\"}");

        assertThat(contact.value("greeting")).contains("Hello Ada");
    }

    @Test
    void copyingTextIntoTextWorks() {
        var contact = contact("c", "city", "Paris", "billing_city", "Lyon");
        set(contact, "billing_city", "{\"type\":\"OBJECT_PROPERTY\",\"propertyName\":\"city\"}");

        assertThat(contact.value("billing_city")).contains("Paris");
    }

    @Test
    void copyingANumberIntoTextWorks() {
        var contact = contact("c", "employees", "42", "notes", "none");
        set(contact, "notes", "{\"type\":\"OBJECT_PROPERTY\",\"propertyName\":\"employees\"}");

        assertThat(contact.value("notes")).contains("42");
    }

    @Test
    void copyingTextIntoANumberFailsWithAPlainReason() {
        var contact = contact("c", "city", "Paris", "employees", "42");
        var result = set(contact, "employees", "{\"type\":\"OBJECT_PROPERTY\",\"propertyName\":\"city\"}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).isEqualTo("cannot copy the text value of city into the number property employees");
        assertThat(contact.value("employees")).contains("42");
    }

    @Test
    void copyingADateIntoANumberFails() {
        var contact = contact("c", "renewal", "2026-05-01", "score", "3");
        var result = set(contact, "score", "{\"type\":\"OBJECT_PROPERTY\",\"propertyName\":\"renewal\"}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
    }

    @Test
    void copyingADateIntoADateWorks() {
        var contact = contact("c", "renewal", "2026-05-01", "next_call", "2026-01-01");
        set(contact, "next_call", "{\"type\":\"OBJECT_PROPERTY\",\"propertyName\":\"renewal\"}");

        assertThat(contact.value("next_call")).contains("2026-05-01");
    }

    @Test
    void incrementAddsToTheCurrentNumber() {
        var contact = contact("c", "orders", "4");
        set(contact, "orders", "{\"type\":\"INCREMENT\",\"incrementAmount\":2.5}");

        assertThat(contact.value("orders")).contains("6.5");
    }

    @Test
    void incrementOfAnEmptyPropertyStartsFromZero() {
        var contact = contact("c");
        set(contact, "orders", "{\"type\":\"INCREMENT\",\"incrementAmount\":-1}");

        assertThat(contact.value("orders")).contains("-1");
    }

    @Test
    void incrementOfTextFails() {
        var contact = contact("c", "orders", "many");
        var result = set(contact, "orders", "{\"type\":\"INCREMENT\",\"incrementAmount\":1}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(contact.value("orders")).contains("many");
    }

    @Test
    void executionTimeIsSetAsEpochMilliseconds() {
        var contact = contact("c");
        set(contact, "last_touch", "{\"type\":\"TIMESTAMP\",\"timestampType\":\"EXECUTION_TIME\"}");

        assertThat(contact.value("last_touch")).contains(String.valueOf(START.toEpochMilli()));
    }

    @Test
    void aRelativeDateTimeCountsFromNowInTheAccountTimeZone() {
        var contact = contact("c");
        set(contact, "follow_up", """
                {"type":"RELATIVE_DATETIME","timeDelay":{"delta":3,"timeUnit":"DAYS","timeOfDay":{"hour":9,"minute":30}}}""");

        // Monday 10:00 in Paris plus 3 days is Thursday; 9:30 in Paris is 8:30 UTC in March.
        assertThat(contact.value("follow_up"))
                .contains(String.valueOf(Instant.parse("2026-03-05T08:30:00Z").toEpochMilli()));
    }

    @Test
    void aRelativeDateTimeMovesToTheNextAllowedDayOfWeek() {
        var contact = contact("c");
        set(contact, "follow_up", """
                {"type":"RELATIVE_DATETIME","timeDelay":{"delta":0,"timeUnit":"DAYS","timeOfDay":{"hour":9,"minute":0},"daysOfWeek":["FRIDAY"]}}""");

        assertThat(contact.value("follow_up"))
                .contains(String.valueOf(Instant.parse("2026-03-06T08:00:00Z").toEpochMilli()));
    }

    @Test
    void appendingAddsOptionsWithoutDuplicates() {
        var contact = contact("c", "interests", "golf;chess", "new_interests", "chess;tennis");
        set(contact, "interests", "{\"type\":\"APPEND_OBJECT_PROPERTY\",\"appendPropertyName\":\"new_interests\"}");

        assertThat(contact.value("interests")).contains("golf;chess;tennis");
    }

    @Test
    void appendingAStaticValueToAnEmptyPropertySetsIt() {
        var contact = contact("c");
        set(contact, "interests", "{\"type\":\"STATIC_APPEND_VALUE\",\"staticAppendValue\":\"golf\"}");

        assertThat(contact.value("interests")).contains("golf");
    }

    @Test
    void fieldDataTakesAnEarlierActionsOutput() {
        var contact = contact("c");
        set(contact, "met", "{\"type\":\"FIELD_DATA\",\"actionId\":\"0\",\"dataKey\":\"hs_event_criteria_met\"}",
                Map.of("hs_event_criteria_met", "true"));

        assertThat(contact.value("met")).contains("true");
    }

    @Test
    void anUnsupportedValueTypeFails() {
        var contact = contact("c");
        var result = set(contact, "x", "{\"type\":\"LIST\",\"values\":[]}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).isEqualTo("values of type LIST are not supported");
    }

    @Test
    void aCopyFromADataSourceTheFlowDoesNotHaveFailsNamingItAndWritesNothing() {
        var contact = contact("c");
        var result = set(contact, "x", "{\"type\":\"FETCHED_OBJECT_PROPERTY\",\"propertyToken\":\"{{ fetched_objects.a.b }}\"}");

        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.outcome().detail()).contains("the flow has no data source named a");
        assertThat(contact.value("x")).isEmpty();
    }

    @Test
    void anIncrementOfAssociatedDealsRedeliveredCountsOnce() {
        var contact = contact("c");
        for (String id : List.of("1", "2")) {
            var deal = CrmObject.created(CrmObjectType.DEAL, id, Map.of("touches", id), START);
            var association = new Association(ObjectRef.contact("c"), deal.ref(), Set.of(4));
            crm.create(deal, List.of(association, association.inverse()));
        }
        Flow flow = flow("f", action("0-5", """
                {"property_name":"touches","value":{"type":"INCREMENT","incrementAmount":5},
                 "association":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":4}}"""));
        var context = context(flow, contact, START);
        var action = (dev.flowline.engine.definition.SingleConnectionAction) flow.action("1").orElseThrow();

        var first = (StepResult.Next) handler.execute(action, context);
        handler.execute(action, context);

        assertThat(first.outcome().detail()).isEqualTo("set touches on the associated deals 1, 2");
        assertThat(crm.find(CrmObjectType.DEAL, "1").orElseThrow().properties()).containsEntry("touches", "6");
        assertThat(crm.find(CrmObjectType.DEAL, "2").orElseThrow().properties()).containsEntry("touches", "7");
        assertThat(contact.value("touches")).isEmpty();
    }
}
