package dev.flowline.engine.fidelity;

import dev.flowline.engine.InMemoryEngine;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactRecycleBin;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.FlowValidator;
import dev.flowline.engine.enrolment.EnrolmentStatus;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.enrolments;
import static dev.flowline.engine.simulation.Scenario.history;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.Scenario.onlyEnrolment;
import static dev.flowline.engine.simulation.TestFlow.anyOf;
import static dev.flowline.engine.simulation.TestFlow.delay;
import static dev.flowline.engine.simulation.TestFlow.equalsFilter;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.ifThen;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shapes flows read back from HubSpot portals carry, which Flowline must accept and run as HubSpot does. */
class PortalShapesTest {

    private static final String ONE_HOUR = delay("1", null, 1, "HOURS");

    /** An {@code AND} branch of {@code hs_name} / {@code hs_value} filters, without UNIFIED_EVENTS or eventTypeId. */
    private static final String PLAIN_STAGE_CHANGED_TO_LEAD = """
            {"filterBranchType":"AND","filterBranchOperator":"AND","filterBranches":[],"filters":[%s,%s]}"""
            .formatted(equalsFilter("hs_name", "lifecyclestage"), equalsFilter("hs_value", "lead"));

    private static String branchOf(String type, String child) {
        return """
                {"filterBranchType":"%s","filterBranchOperator":"%s","filters":[],"filterBranches":[%s]}"""
                .formatted(type, type, child);
    }

    private static String single(String actionId, String next, String actionTypeId, String fields) {
        return """
                {"type":"SINGLE_CONNECTION","actionId":"%s","actionTypeVersion":0,"actionTypeId":"%s","fields":%s%s}"""
                .formatted(actionId, actionTypeId, fields, next == null ? ""
                        : ",\"connection\":{\"edgeType\":\"STANDARD\",\"nextActionId\":\"" + next + "\"}");
    }

    @Test
    void reEnrolmentTriggerWrittenAsPlainAndBranchOfHsNameAndHsValueFiltersFires() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL"), true, false, PLAIN_STAGE_CHANGED_TO_LEAD)
                        .actions(ONE_HOUR))
                .contact("c1", "country", "NL")
                .set(hours(3), "c1", "lifecyclestage", "subscriber")
                .set(hours(5), "c1", "lifecyclestage", "lead");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(enrolments(report, "A", "c1")).hasSize(2);
        assertThat(enrolments(report, "A", "c1").getLast().enrolledAt()).isEqualTo(Scenario.T0.plus(hours(5)));
    }

    @Test
    void reEnrolmentTriggerWrittenAsPlainAndBranchDoesNotFireOnAnotherValueOrProperty() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL"), true, false, PLAIN_STAGE_CHANGED_TO_LEAD)
                        .actions(ONE_HOUR))
                .contact("c1", "country", "NL")
                .set(hours(3), "c1", "lifecyclestage", "customer")
                .set(hours(5), "c1", "city", "lead");

        assertThat(enrolments(scenario.runUntil(days(1)), "A", "c1")).hasSize(1);
    }

    @Test
    void associationFilterIsAcceptedAndTakesTheIfThenDefaultBranch() {
        String associationFilter = anyOf("""
                {"filterType":"ASSOCIATION","listId":"88","operator":"IN_LIST","associationTypeId":1,
                 "associationCategory":"HUBSPOT_DEFINED","toObjectType":"COMPANY"}""");
        Flow flow = flow("A").manual(false).actions(ifThen("1", "Partner company", associationFilter, "2", "3"),
                delay("2", null, 1, "HOURS"), delay("3", null, 2, "HOURS")).build();
        assertThat(FlowValidator.validate(flow)).isEmpty();
        var scenario = new Scenario().flow(flow).contact("c1");

        scenario.enrolByHand("A", "c1");
        SimulationReport report = scenario.runUntil(days(1));

        assertThat(history(report, "A", "c1", HistoryKind.ACTION_SUCCEEDED).getFirst().detail())
                .isEqualTo("took the default branch \"Otherwise\"");
    }

    @Test
    void abTestWithTestBranchesAsAListOfConnectionsIsAcceptedKeptAndSplitsEvenly() {
        String split = """
                {"type":"AB_TEST_BRANCH","actionId":"1","testBranches":[
                  {"edgeType":"STANDARD","nextActionId":"2"},{"edgeType":"STANDARD","nextActionId":"3"}]}""";
        Flow flow = flow("A").manual(true).actions(split, delay("2", null, 1, "HOURS"), delay("3", null, 2, "HOURS"))
                .build();
        assertThat(FlowValidator.validate(flow)).isEmpty();
        assertThat(FlowlineJson.tree(Flow.parse(flow.toJson()))).isEqualTo(FlowlineJson.tree(flow));

        var scenario = new Scenario().flow(flow);
        IntStream.range(0, 40).forEach(i -> scenario.contact("c" + i));
        IntStream.range(0, 40).forEach(i -> scenario.enrolByHand("A", "c" + i));
        SimulationReport report = scenario.runUntil(days(1));

        var arms = IntStream.range(0, 40)
                .mapToObj(i -> history(report, "A", "c" + i, HistoryKind.ACTION_SUCCEEDED).getLast().actionId())
                .toList();
        assertThat(arms).contains("2", "3");
        assertThat(arms.stream().filter("2"::equals).count()).isBetween(10L, 30L);
    }

    @Test
    void abTestInTheApiReferenceShapeStillNeedsPercentagesAddingUpTo100() {
        String split = """
                {"type":"AB_TEST_BRANCH","actionId":"1","testBranches":[
                  {"connection":{"edgeType":"STANDARD","nextActionId":"2"},"percentage":60},
                  {"connection":{"edgeType":"STANDARD","nextActionId":"3"}}]}""";
        Flow flow = flow("A").manual(true).actions(split, delay("2", null, 1, "HOURS"), delay("3", null, 2, "HOURS"))
                .build();

        assertThat(FlowValidator.validate(flow)).extracting(p -> p.path())
                .containsExactly("/actions/0/testBranches/1/percentage");
    }

    @Test
    void staticBranchUsedAsAPassThroughWithOnlyADefaultBranchIsAcceptedAndRun() {
        String passThrough = """
                {"type":"STATIC_BRANCH","actionId":"1","defaultBranchName":"Next",
                 "defaultBranch":{"edgeType":"STANDARD","nextActionId":"2"}}""";
        Flow flow = flow("A").manual(false).actions(passThrough, delay("2", null, 1, "HOURS")).build();
        assertThat(FlowValidator.validate(flow)).isEmpty();

        var scenario = new Scenario().flow(flow).contact("c1");
        scenario.enrolByHand("A", "c1");
        SimulationReport report = scenario.runUntil(days(1));

        assertThat(onlyEnrolment(report, "A", "c1").status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(history(report, "A", "c1", HistoryKind.ACTION_SUCCEEDED)).extracting(e -> e.actionId())
                .containsExactly("1", "2");
    }

    @Test
    void setPropertyWithAnEmptyAssociationSetsTheContactsOwnProperty() {
        String setOwn = single("1", null, "0-5", """
                {"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"customer"},
                 "association":{}}""");
        var scenario = new Scenario().flow(flow("A").manual(false).actions(setOwn)).contact("c1");
        scenario.enrolByHand("A", "c1");
        scenario.runUntil(days(1));

        assertThat(scenario.simulator().contacts().find("c1").orElseThrow().value("lifecyclestage")).contains("customer");
    }

    @Test
    void deleteContactArchivesItRestorablyAndUnenrolsItEverywhereAtOnce() {
        var scenario = new Scenario()
                .flow(flow("Cleanup").listBased(propertyIs("spam", "true"))
                        .actions(single("1", "2", "0-18224765", "{}"), delay("2", null, 1, "HOURS")))
                .flow(flow("Nurture").listBased(propertyIs("country", "NL")).actions(delay("1", null, 30, "DAYS")))
                .contact("c1", "country", "NL")
                .set(hours(2), "c1", "spam", "true");

        SimulationReport report = scenario.runUntil(days(1));

        assertThat(scenario.simulator().contacts().find("c1")).isEmpty();
        assertThat(onlyEnrolment(report, "Nurture", "c1").unenrolmentReason())
                .isEqualTo(UnenrolmentReason.CONTACT_DELETED);
        assertThat(onlyEnrolment(report, "Nurture", "c1").endedAt()).isEqualTo(Scenario.T0.plus(hours(2)));
        assertThat(onlyEnrolment(report, "Cleanup", "c1").unenrolmentReason())
                .isEqualTo(UnenrolmentReason.CONTACT_DELETED);
        assertThat(history(report, "Cleanup", "c1", HistoryKind.ACTION_SUCCEEDED).getFirst().detail())
                .isEqualTo("deleted the contact: restorable for 90 days, then erased");

        var restored = scenario.simulator().engine().contactRecycling().restore("c1");

        assertThat(restored).isPresent();
        assertThat(restored.get().value("country")).contains("NL");
        assertThat(scenario.simulator().contacts().find("c1")).isPresent();
    }

    @Test
    void aDeletedContactIsErasedForGoodOnlyAfterNinetyDays() {
        var engine = new InMemoryEngine();
        var recycling = engine.engine.contactRecycling();
        engine.contact("old");
        engine.contact("recent");
        recycling.delete("old", null);
        recycling.delete("recent", null);
        engine.recycleBin.put(engine.recycleBin.find("old").orElseThrow().contact(),
                InMemoryEngine.NOW.minus(ContactRecycleBin.RETENTION).minusSeconds(1));

        assertThat(recycling.purge()).isEqualTo(1);

        assertThat(engine.recycleBin.find("old")).isEmpty();
        assertThat(recycling.restore("old")).isEmpty();
        assertThat(recycling.restore("recent")).isPresent();
    }

    @Test
    void aDeletedContactWhoseEmailAnotherContactTookCannotBeRestored() {
        var engine = new InMemoryEngine();
        engine.contact("first");
        engine.engine.contactRecycling().delete("first", null);
        var other = new Contact("second");
        other.setProperty("email", "first@example.com", InMemoryEngine.NOW);
        engine.contacts.create(other);

        assertThatThrownBy(() -> engine.engine.contactRecycling().restore("first"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("first@example.com");
        assertThat(engine.recycleBin.find("first")).isPresent();
    }
}
