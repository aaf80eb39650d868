package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.definition.FlowValidatorFixtures.FILTER;
import static dev.flowline.engine.definition.FlowValidatorFixtures.emptyFlow;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowFiltering;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowOf;
import static dev.flowline.engine.definition.FlowValidatorFixtures.json;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** The email addresses and property names a definition holds, each checked where it sits. */
class FlowValidatorNamesTest {

    private static final String EMPTY_NAME = "a property name cannot be empty";

    private static String single(String actionTypeId, String fields) {
        return "{'type':'SINGLE_CONNECTION','actionId':'1','actionTypeId':'" + actionTypeId
                + "','actionTypeVersion':0,'fields':" + fields + "}";
    }

    private static String setProperty(String name, String value) {
        return single("0-5", "{'property_name':'" + name + "','value':" + value + "}");
    }

    private static List<String> pathsOf(String action) {
        return validate(flowOf(action)).stream().map(Problem::path).toList();
    }

    private static ObjectNode with(String field, String singleQuotedValue) {
        ObjectNode flow = emptyFlow();
        flow.set(field, json("{'v':" + singleQuotedValue + "}").get("v"));
        return flow;
    }

    @Test
    void anEmailWithCrlfIsRefusedSoNoHeaderCanBeInjected() {
        assertThat(validate(flowOf(single("0-23", "{'email_content_id':'7','recipient_emails':"
                + "['ada@example.com','ada@example.com\\r\\nBcc: eve@example.com']}")))).containsExactly(
                problem("/actions/0/fields/recipient_emails/1", "an email address cannot hold control characters "
                        + "or whitespace: character 16 is U+000D"));
    }

    @Test
    void anEmailWithNulIsRefused() {
        assertThat(validate(flowOf(single("0-23", "{'email_content_id':'7','recipient_emails':"
                + "['ada\\u0000@example.com']}")))).extracting(Problem::path)
                .containsExactly("/actions/0/fields/recipient_emails/0");
    }

    @Test
    void notAnEmailIsRefused() {
        assertThat(validate(flowOf(single("0-23", "{'email_content_id':'7','recipient_emails':'not-an-email'}"))))
                .containsExactly(problem("/actions/0/fields/recipient_emails",
                        "an email address has exactly one @, between the mailbox and the domain"));
    }

    @Test
    void recipientAddressesMailSystemsAcceptPass() {
        assertThat(validate(flowOf(single("0-23", "{'email_content_id':'7','recipient_emails':["
                + "'ada+flows@example.com','ops@eu.mail.example.com','ada@xn--bcher-kva.example']}")))).isEmpty();
    }

    @Test
    void anEmptyPropertyNameIsRefused() {
        assertThat(validate(flowOf(setProperty("", "{'type':'STATIC_VALUE','staticValue':'lead'}"))))
                .containsExactly(problem("/actions/0/fields/property_name", EMPTY_NAME));
    }

    @Test
    void aNulPropertyNameIsRefused() {
        assertThat(validate(flowFiltering("{'filterType':'PROPERTY','property':'\\u0000','operation':"
                + "{'operationType':'ALL_PROPERTY','operator':'IS_KNOWN'}}"))).containsExactly(
                problem(FILTER + "/property", "a property name must start with a lower-case letter (a-z), not U+0000"));
    }

    @Test
    void valuesThatReadAPropertyNameOneThatCanExist() {
        assertThat(pathsOf(setProperty("lifecyclestage", "{'type':'OBJECT_PROPERTY','propertyName':''}")))
                .containsExactly("/actions/0/fields/value/propertyName");
        assertThat(pathsOf(setProperty("tags", "{'type':'APPEND_OBJECT_PROPERTY','appendPropertyName':'Old Tags'}")))
                .containsExactly("/actions/0/fields/value/appendPropertyName");
        assertThat(pathsOf("{'type':'STATIC_BRANCH','actionId':'1','inputValue':{'type':'OBJECT_PROPERTY',"
                + "'propertyName':''},'staticBranches':[]}")).containsExactly("/actions/0/inputValue/propertyName");
        assertThat(pathsOf(single("0-35", "{'date':{'type':'OBJECT_PROPERTY','propertyName':'Renewal'}}")))
                .containsExactly("/actions/0/fields/date/propertyName");
    }

    @Test
    void actionsThatNameContactPropertiesNameOnesThatCanExist() {
        assertThat(pathsOf(single("0-8", "{'subject':'s','body':'b','owner_properties':['hubspot_owner_id','']}")))
                .containsExactly("/actions/0/fields/owner_properties/1");
        assertThat(pathsOf(single("0-11", "{'user_ids':['1'],'target_property':'Owner'}")))
                .containsExactly("/actions/0/fields/target_property");
        assertThat(pathsOf(single("0-14", "{'object_type_id':'0-3','properties':[{'targetProperty':'dealname'},"
                + "{'targetProperty':'deal name'}]}"))).containsExactly("/actions/0/fields/properties/1/targetProperty");
    }

    @Test
    void actionsNamingValidPropertiesPass() {
        assertThat(pathsOf(single("0-8", "{'subject':'s','body':'b','owner_properties':['hubspot_owner_id']}")))
                .isEmpty();
        assertThat(pathsOf(setProperty("hs_lead_status", "{'type':'OBJECT_PROPERTY','propertyName':'lifecyclestage'}")))
                .isEmpty();
    }

    @Test
    void filtersNameOnlyPropertiesThatCanExist() {
        assertThat(validate(flowFiltering(String.join(",",
                "{'filterType':'PROPERTY','property':'renewal_date','operation':{'operationType':'COMPARATIVE_DATE',"
                        + "'operator':'IS_BEFORE','comparisonPropertyName':'Close Date'}}",
                "{'filterType':'PROPERTY','property':'createdate','operation':{'operationType':'TIME_POINT',"
                        + "'operator':'IS_BEFORE','timePoint':{'timeType':'PROPERTY_REFERENCED','property':'',"
                        + "'referenceType':'VALUE'}}}"))))
                .extracting(Problem::path).containsExactly(
                        FILTER + "/operation/comparisonPropertyName",
                        FlowValidatorFixtures.filterAt(1) + "/operation/timePoint/property");
    }

    @Test
    void schedulesAndAnchorsNameDatePropertiesThatCanExist() {
        assertThat(validate(with("enrollmentSchedule", "{'type':'PROPERTY_BASED','timeOfDay':{'hour':8,'minute':0},"
                + "'dateProperty':''}"))).containsExactly(problem("/enrollmentSchedule/dateProperty", EMPTY_NAME));
        assertThat(validate(with("eventAnchor", "{'type':'CONTACT_PROPERTY_ANCHOR','contactProperty':'Renewal'}")))
                .containsExactly(problem("/eventAnchor/contactProperty",
                        "a property name must start with a lower-case letter (a-z), not \"R\""));
    }
}
