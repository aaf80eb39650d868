package dev.flowline.engine.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.crm.Association;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.InMemoryCrmObjectStore;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.flowline.engine.simulation.Scenario.T0;
import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.history;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.delay;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.ifThen;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact flows on the CRM records associated with the contact, in the shapes HubSpot portals write: {@code
 * ASSOCIATION} filter branches (HubSpot's lists API example: {@code objectTypeId}, {@code associationTypeId},
 * {@code associationCategory}, {@code operator} {@code IN_LIST}, property filters on the associated record), {@code
 * 0-5} with {@code fields.association}, and copies from fetched objects of {@code ASSOCIATION} data sources.
 */
class AssociationShapesTest {

    private static final String ONE_HOUR = delay("1", null, 1, "HOURS");

    private static String associationBranch(String objectTypeId, int associationTypeId, String operator,
                                            String property, String value) {
        return """
                {"filterBranchType":"ASSOCIATION","filterBranchOperator":"AND","objectTypeId":"%s",
                 "associationTypeId":%d,"associationCategory":"HUBSPOT_DEFINED","operator":"%s","filterBranches":[],
                 "filters":[{"filterType":"PROPERTY","property":"%s","operation":{"operationType":"ENUMERATION",
                   "operator":"IS_ANY_OF","values":["%s"],"includeObjectsWithNoValueSet":false}}]}"""
                .formatted(objectTypeId, associationTypeId, operator, property, value);
    }

    /** A root OR with one AND branch holding {@code child}, as HubSpot writes enrolment criteria. */
    private static String inAnd(String child) {
        return """
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                  {"filterBranchType":"AND","filterBranchOperator":"AND","filters":[],"filterBranches":[%s]}]}"""
                .formatted(child);
    }

    private static final String COMPANY_IN_TECH = inAnd(associationBranch("0-2", 279, "IN_LIST", "industry",
            "TECHNOLOGY"));

    private static String setProperty(String fields) {
        return """
                {"type":"SINGLE_CONNECTION","actionId":"1","actionTypeVersion":0,"actionTypeId":"0-5","fields":%s}"""
                .formatted(fields);
    }

    /** Stores a record associated with the contact by {@code typeIds} (from the contact's side), both ways. */
    private static void associate(Scenario scenario, String contactId, CrmObjectType type, String id,
                                  Set<Integer> typeIds, String... propertyValuePairs) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            properties.put(propertyValuePairs[i], propertyValuePairs[i + 1]);
        }
        var record = CrmObject.created(type, id, properties, T0);
        var association = new Association(ObjectRef.contact(contactId), record.ref(), typeIds);
        crm(scenario).create(record, List.of(association, association.inverse()));
    }

    private static InMemoryCrmObjectStore crm(Scenario scenario) {
        return scenario.simulator().outbox().crm();
    }

    private static String property(Scenario scenario, CrmObjectType type, String id, String property) {
        return crm(scenario).find(type, id).orElseThrow().properties().get(property);
    }

    @Test
    void associationBranchInEnrolmentCriteriaEnrolsContactsWithAnAssociatedRecordThatPasses() {
        Flow flow = flow("A").listBased(COMPANY_IN_TECH).actions(ONE_HOUR).build();
        assertThat(FlowValidator.validate(flow)).isEmpty();
        assertThat(FlowlineJson.tree(Flow.parse(flow.toJson()))).isEqualTo(FlowlineJson.tree(flow));
        var scenario = new Scenario().flow(flow);
        associate(scenario, "tech", CrmObjectType.COMPANY, "1", Set.of(279), "industry", "RETAIL");
        associate(scenario, "tech", CrmObjectType.COMPANY, "2", Set.of(279), "industry", "TECHNOLOGY");
        associate(scenario, "retail", CrmObjectType.COMPANY, "3", Set.of(279), "industry", "RETAIL");
        associate(scenario, "dealOnly", CrmObjectType.DEAL, "4", Set.of(4), "industry", "TECHNOLOGY");
        scenario.contact("tech").contact("retail").contact("dealOnly").contact("alone", "industry", "TECHNOLOGY");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(report.enrolments("A")).extracting(e -> e.contactId()).containsExactly("tech");
    }

    @Test
    void associationBranchInEnrolmentCriteriaCountsAtTheContactsNextChangeAsTheRecordsStandThen() {
        var scenario = new Scenario().flow(flow("A").listBased(COMPANY_IN_TECH, false, true)
                .actions(delay("1", null, 5, "DAYS")));
        scenario.contact("c1");
        scenario.simulator().at(T0.plus(hours(2)), "c1", contact -> {
            associate(scenario, "c1", CrmObjectType.COMPANY, "1", Set.of(279), "industry", "TECHNOLOGY");
            contact.setProperty("city", "Delft", T0.plus(hours(2)));
        });
        scenario.simulator().at(T0.plus(hours(5)), "c1", contact -> {
            crm(scenario).update(CrmObjectType.COMPANY, "1", Map.of("industry", "RETAIL"), T0.plus(hours(5)));
            contact.setProperty("city", "Leiden", T0.plus(hours(5)));
        });

        var enrolment = onlyEnrolment(scenario.runUntil(days(1)), "A", "c1");

        assertThat(enrolment.enrolledAt()).isEqualTo(T0.plus(hours(2)));
        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.NO_LONGER_MEETS_CRITERIA);
        assertThat(enrolment.endedAt()).isEqualTo(T0.plus(hours(5)));
    }

    @Test
    void associationBranchWithNotInListMatchesContactsWithoutSuchARecord() {
        var scenario = new Scenario().flow(flow("A").listBased(inAnd(associationBranch("0-2", 279, "NOT_IN_LIST",
                "industry", "TECHNOLOGY"))).actions(ONE_HOUR));
        associate(scenario, "tech", CrmObjectType.COMPANY, "2", Set.of(279), "industry", "TECHNOLOGY");
        associate(scenario, "retail", CrmObjectType.COMPANY, "3", Set.of(279), "industry", "RETAIL");
        scenario.contact("tech").contact("retail").contact("alone");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(report.enrolments("A")).extracting(e -> e.contactId()).containsExactlyInAnyOrder("retail", "alone");
    }

    @Test
    void associationBranchOnThePrimaryTypeLooksAtThePrimaryCompanyOnly() {
        var scenario = new Scenario().flow(flow("A").listBased(inAnd(associationBranch("0-2", 1, "IN_LIST",
                "industry", "TECHNOLOGY"))).actions(ONE_HOUR));
        associate(scenario, "secondary", CrmObjectType.COMPANY, "1", Set.of(279), "industry", "TECHNOLOGY");
        associate(scenario, "primary", CrmObjectType.COMPANY, "2", Set.of(1, 279), "industry", "TECHNOLOGY");
        scenario.contact("secondary").contact("primary");

        assertThat(scenario.runUntil(days(1)).enrolments("A")).extracting(e -> e.contactId())
                .containsExactly("primary");
    }

    @Test
    void associationBranchInAnIfThenBranchFollowsTheAssociatedDeal() {
        String closedWon = inAnd(associationBranch("0-3", 4, "IN_LIST", "dealstage", "closedwon"));
        var scenario = new Scenario().flow(flow("A").manual(false).actions(ifThen("1", "Won a deal", closedWon, "2", "3"),
                delay("2", null, 1, "HOURS"), delay("3", null, 2, "HOURS")));
        associate(scenario, "won", CrmObjectType.DEAL, "7", Set.of(4), "dealstage", "closedwon");
        associate(scenario, "open", CrmObjectType.DEAL, "8", Set.of(4), "dealstage", "appointmentscheduled");
        scenario.contact("won").contact("open");
        scenario.enrolByHand("A", "won");
        scenario.enrolByHand("A", "open");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(history(report, "A", "won", HistoryKind.ACTION_SUCCEEDED).getFirst().detail())
                .contains("Won a deal");
        assertThat(history(report, "A", "open", HistoryKind.ACTION_SUCCEEDED).getFirst().detail())
                .contains("Otherwise");
    }

    @Test
    void associationBranchAsAGoalIsMetWhenTheContactChangesAfterItsDealIsWon() {
        String closedWon = inAnd(associationBranch("0-3", 4, "IN_LIST", "dealstage", "closedwon"));
        var scenario = new Scenario().flow(flow("A").manual(false).goal(closedWon)
                .actions(delay("1", null, 5, "DAYS")));
        associate(scenario, "c1", CrmObjectType.DEAL, "7", Set.of(4), "dealstage", "appointmentscheduled");
        scenario.contact("c1");
        scenario.enrolByHand("A", "c1");
        scenario.set(hours(1), "c1", "city", "Paris");
        scenario.simulator().at(T0.plus(hours(3)), "c1", contact -> {
            crm(scenario).update(CrmObjectType.DEAL, "7", Map.of("dealstage", "closedwon"), T0.plus(hours(3)));
            contact.setProperty("hs_lead_status", "CONNECTED", T0.plus(hours(3)));
        });

        SimulationReport report = scenario.runUntil(days(1));

        var enrolment = onlyEnrolment(report, "A", "c1");
        assertThat(enrolment.unenrolmentReason()).isEqualTo(UnenrolmentReason.GOAL_MET);
        assertThat(enrolment.endedAt()).isEqualTo(T0.plus(hours(3)));
    }

    @Test
    void setPropertyWithAnAssociationSetsItOnEveryAssociatedRecordOfThatTypeAndNotOnTheContact() {
        var scenario = new Scenario().flow(flow("A").manual(false).actions(setProperty("""
                {"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"customer"},
                 "association":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}}""")));
        associate(scenario, "c1", CrmObjectType.COMPANY, "1", Set.of(279), "lifecyclestage", "lead");
        associate(scenario, "c1", CrmObjectType.COMPANY, "2", Set.of(1, 279));
        associate(scenario, "c1", CrmObjectType.DEAL, "3", Set.of(4));
        associate(scenario, "c2", CrmObjectType.COMPANY, "4", Set.of(279));
        scenario.contact("c1", "lifecyclestage", "lead").contact("c2");
        scenario.enrolByHand("A", "c1");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(property(scenario, CrmObjectType.COMPANY, "1", "lifecyclestage")).isEqualTo("customer");
        assertThat(property(scenario, CrmObjectType.COMPANY, "2", "lifecyclestage")).isEqualTo("customer");
        assertThat(property(scenario, CrmObjectType.DEAL, "3", "lifecyclestage")).isNull();
        assertThat(property(scenario, CrmObjectType.COMPANY, "4", "lifecyclestage")).isNull();
        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().value("lifecyclestage")).contains("lead");
        assertThat(history(report, "A", "c1", HistoryKind.ACTION_SUCCEEDED).getFirst().detail())
                .isEqualTo("set lifecyclestage on the associated companies 1, 2");
    }

    @Test
    void setPropertyWithAnAssociationCopiesAContactPropertyOntoTheAssociatedDeal() {
        var scenario = new Scenario().flow(flow("A").manual(false).actions(setProperty("""
                {"property_name":"lead_source","value":{"type":"OBJECT_PROPERTY","propertyName":"hs_analytics_source"},
                 "association":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":4}}""")));
        associate(scenario, "c1", CrmObjectType.DEAL, "3", Set.of(4));
        scenario.contact("c1", "hs_analytics_source", "ORGANIC_SEARCH");
        scenario.enrolByHand("A", "c1");

        scenario.runUntil(days(1));

        assertThat(property(scenario, CrmObjectType.DEAL, "3", "lead_source")).isEqualTo("ORGANIC_SEARCH");
    }

    @Test
    void setPropertyWithAnAssociationAndNoAssociatedRecordIsSkippedWithTheReason() {
        var scenario = new Scenario().flow(flow("A").manual(false).actions(setProperty("""
                {"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"customer"},
                 "association":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":279}}""")));
        scenario.contact("c1", "lifecyclestage", "lead");
        scenario.enrolByHand("A", "c1");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(history(report, "A", "c1", HistoryKind.ACTION_SKIPPED).getFirst().detail())
                .isEqualTo("not set: the contact has no associated companies (association type 279); the contact's "
                        + "own property is left as it is");
        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().value("lifecyclestage")).contains("lead");
    }

    @Test
    void setPropertyWithAUserDefinedAssociationIsSkippedWithTheReason() {
        var scenario = new Scenario().flow(flow("A").manual(false).actions(setProperty("""
                {"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"customer"},
                 "association":{"associationCategory":"USER_DEFINED","associationTypeId":279}}""")));
        associate(scenario, "c1", CrmObjectType.COMPANY, "1", Set.of(279));
        scenario.contact("c1");
        scenario.enrolByHand("A", "c1");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(history(report, "A", "c1", HistoryKind.ACTION_SKIPPED).getFirst().detail())
                .contains("association type 279 (USER_DEFINED), which Flowline does not keep");
        assertThat(property(scenario, CrmObjectType.COMPANY, "1", "lifecyclestage")).isNull();
    }

    @Test
    void copyFromAFetchedObjectOfAnAssociationDataSourceSetsTheContactsProperty() {
        var json = (ObjectNode) FlowlineJson.tree(flow("A").manual(false).actions(setProperty("""
                {"property_name":"company","value":{"type":"FETCHED_OBJECT_PROPERTY",
                 "propertyToken":"{{ fetched_objects.primary_company.name }}"}}""")).build());
        json.set("dataSources", FlowlineJson.read("""
                [{"type":"ASSOCIATION","name":"primary_company","objectTypeId":"0-2","associationTypeId":1,
                  "associationCategory":"HUBSPOT_DEFINED"}]""", JsonNode.class));
        Flow flow = FlowlineJson.read(json, Flow.class);
        var scenario = new Scenario().flow(flow);
        associate(scenario, "c1", CrmObjectType.COMPANY, "1", Set.of(279), "name", "Other Ltd");
        associate(scenario, "c1", CrmObjectType.COMPANY, "2", Set.of(1, 279), "name", "Acme");
        scenario.contact("c1", "company", "old").contact("c2", "company", "old");
        scenario.enrolByHand("A", "c1");
        scenario.enrolByHand("A", "c2");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().value("company")).contains("Acme");
        assertThat(scenario.simulator().contacts().find("c2").orElseThrow().value("company")).contains("old");
        assertThat(history(report, "A", "c2", HistoryKind.ACTION_FAILED).getFirst().detail())
                .contains("the data source primary_company found no record associated with the contact");
    }
}
