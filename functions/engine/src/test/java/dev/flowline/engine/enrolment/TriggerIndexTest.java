package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.simulation.Scenario;
import dev.flowline.engine.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.flowline.engine.simulation.Scenario.days;
import static dev.flowline.engine.simulation.Scenario.enrolments;
import static dev.flowline.engine.simulation.Scenario.hours;
import static dev.flowline.engine.simulation.TestFlow.anyOf;
import static dev.flowline.engine.simulation.TestFlow.event;
import static dev.flowline.engine.simulation.TestFlow.flow;
import static dev.flowline.engine.simulation.TestFlow.inList;
import static dev.flowline.engine.simulation.TestFlow.isKnown;
import static dev.flowline.engine.simulation.TestFlow.propertyChangedTo;
import static dev.flowline.engine.simulation.TestFlow.propertyIs;
import static org.assertj.core.api.Assertions.assertThat;

/** Which flows a contact change evaluates (design: scale rules). */
class TriggerIndexTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void selectsTheFlowsWhoseTriggersMentionAChangedProperty() {
        var index = TriggerIndex.of(List.of(
                flow("country").listBased(propertyIs("country", "NL")).build(),
                flow("city").listBased(propertyIs("city", "Lyon")).build(),
                flow("compared").listBased(anyOf(propertyFilter("state",
                        "{'operationType':'COMPARATIVE_STRING','operator':'IS_EQUAL_TO','comparisonPropertyName':'country'}")))
                        .build(),
                flow("referenced").listBased(anyOf(propertyFilter("closedate",
                        "{'operationType':'TIME_POINT','operator':'IS_AFTER','timePoint':{'timeType':'PROPERTY_REFERENCED',"
                                + "'property':'renewal','referenceType':'VALUE'}}"))).build(),
                flow("reEnrolOnCountry").listBased(propertyIs("segment", "x"), true, false, isKnown("country")).build()));

        assertThat(ids(index.candidates(propertiesChanged("country"))))
                .containsExactly("country", "compared", "reEnrolOnCountry");
        assertThat(ids(index.candidates(propertiesChanged("renewal")))).containsExactly("referenced");
        assertThat(ids(index.candidates(propertiesChanged("City", "lifecyclestage")))).isEmpty();
    }

    @Test
    void selectsTheFlowsWhoseTriggersMentionAnEventTypeOfTheChange() {
        var index = TriggerIndex.of(List.of(
                flow("formTrigger").eventBased(false, null, event(StandardEvents.FORM_SUBMISSION)).build(),
                flow("pageTrigger").eventBased(false, null, event(StandardEvents.PAGE_VIEW)).build(),
                flow("formFilter").listBased(anyOf("{'filterType':'FORM_SUBMISSION','operator':'FILLED_OUT'}"
                        .replace('\'', '"'))).build(),
                flow("emailFilter").listBased(anyOf("{'filterType':'EMAIL_EVENT','operator':'OPENED'}"
                        .replace('\'', '"'))).build(),
                flow("customEvent").listBased(anyOf("{'filterType':'EVENT','eventId':'pe123_signup','operator':'HAS_EVENT'}"
                        .replace('\'', '"'))).build(),
                flow("propertyChanged").eventBased(false, null, propertyChangedTo("city", "Lyon")).build()));

        assertThat(ids(index.candidates(eventsOf(StandardEvents.FORM_SUBMISSION))))
                .containsExactly("formTrigger", "formFilter");
        assertThat(ids(index.candidates(eventsOf(StandardEvents.EMAIL_OPEN)))).containsExactly("emailFilter");
        assertThat(ids(index.candidates(eventsOf("pe123_signup")))).containsExactly("customEvent");
        assertThat(ids(index.candidates(propertiesChanged("country")))).containsExactly("propertyChanged");
    }

    @Test
    void whetherAChangeHasAnyCandidateIsKnownBeforeTheContactIsRead() {
        var index = TriggerIndex.of(List.of(
                flow("country").listBased(propertyIs("country", "NL")).build(),
                flow("formTrigger").eventBased(false, null, event(StandardEvents.FORM_SUBMISSION)).build()));

        assertThat(index.anyCandidate(Set.of(StandardEvents.PROPERTY_CHANGE), Set.of("country"))).isTrue();
        assertThat(index.anyCandidate(Set.of(StandardEvents.PROPERTY_CHANGE), Set.of("lifecyclestage"))).isFalse();
        assertThat(index.anyCandidate(Set.of(StandardEvents.FORM_SUBMISSION), Set.of())).isTrue();
        assertThat(index.anyCandidate(Set.of(StandardEvents.WORKFLOW_ENROLLED), Set.of())).isFalse();
        assertThat(index.candidates(propertiesChanged("lifecyclestage"))).isEmpty();
        assertThat(index.candidates(eventsOf(StandardEvents.WORKFLOW_ENROLLED))).isEmpty();

        var onAnyPropertyChange = TriggerIndex.of(List.of(
                flow("propertyChanged").eventBased(false, null, propertyChangedTo("city", "Lyon")).build()));
        assertThat(onAnyPropertyChange.anyCandidate(Set.of(StandardEvents.PROPERTY_CHANGE), Set.of("country"))).isTrue();
        assertThat(TriggerIndex.of(List.of()).anyCandidate(Set.of(StandardEvents.FORM_SUBMISSION), Set.of("country")))
                .isFalse();
    }

    @Test
    void workflowStatusFiltersAreSelectedByTheWorkflowEvents() {
        var index = TriggerIndex.of(List.of(flow("afterOther").listBased(anyOf("""
                {"filterType":"IN_LIST","listId":"7","operator":"IN_LIST","metadata":{"inListType":"WORKFLOWS_ACTIVE"}}"""))
                .build()));

        assertThat(ids(index.candidates(eventsOf(StandardEvents.WORKFLOW_ENROLLED)))).containsExactly("afterOther");
        assertThat(ids(index.candidates(eventsOf(StandardEvents.WORKFLOW_GOAL_MET)))).containsExactly("afterOther");
        assertThat(ids(index.candidates(propertiesChanged("country")))).isEmpty();
    }

    @Test
    void flowsReadingListsTimeRelativeValuesOrUnknownFiltersAreEvaluatedOnEveryChange() {
        var index = TriggerIndex.of(List.of(
                flow("inList").listBased(inList("10")).build(),
                flow("joinsList").onJoiningList("10", false).build(),
                flow("rolling").listBased(anyOf(propertyFilter("closedate",
                        "{'operationType':'ROLLING_DATE_RANGE','operator':'IS_LESS_THAN_X_DAYS_AGO','numberOfDays':3}")))
                        .build(),
                flow("sinceToday").listBased(anyOf(propertyFilter("closedate",
                        "{'operationType':'TIME_POINT','operator':'IS_AFTER','timePoint':{'timeType':'INDEXED',"
                                + "'indexReference':{'referenceType':'TODAY'}}}"))).build(),
                flow("unknownFilter").listBased(anyOf("{\"filterType\":\"CHATFLOW\",\"operator\":\"X\"}")).build(),
                flow("country").listBased(propertyIs("country", "NL")).build()));

        assertThat(ids(index.candidates(propertiesChanged("city"))))
                .containsExactly("inList", "joinsList", "rolling", "sinceToday", "unknownFilter");
        assertThat(ids(index.candidates(new ContactChange(contact(), contact(), List.of()))))
                .containsExactly("inList", "joinsList", "rolling", "sinceToday", "unknownFilter");
    }

    @Test
    void flowsFilteringOnAssociatedRecordsAreEvaluatedOnEveryChangeOfTheContact() {
        String companyInTech = """
                {"filterBranchType":"OR","filterBranchOperator":"OR","filters":[],"filterBranches":[
                  {"filterBranchType":"ASSOCIATION","filterBranchOperator":"AND","objectTypeId":"0-2",
                   "associationTypeId":279,"associationCategory":"HUBSPOT_DEFINED","operator":"IN_LIST",
                   "filterBranches":[],"filters":[{"filterType":"PROPERTY","property":"industry","operation":{
                     "operationType":"STRING","operator":"IS_EQUAL_TO","value":"TECHNOLOGY"}}]}]}""";
        var index = TriggerIndex.of(List.of(flow("companyInTech").listBased(companyInTech).build(),
                flow("country").listBased(propertyIs("country", "NL")).build()));

        assertThat(ids(index.candidates(propertiesChanged("city")))).containsExactly("companyInTech");
    }

    @Test
    void aNewContactIsACandidateForEveryFlow() {
        var index = TriggerIndex.of(List.of(
                flow("unknownCity").listBased(anyOf(propertyFilter("city",
                        "{'operationType':'ALL_PROPERTY','operator':'IS_UNKNOWN'}"))).build(),
                flow("country").listBased(propertyIs("country", "NL")).build()));

        assertThat(ids(index.candidates(new ContactChange(null, contact(), List.of()))))
                .containsExactly("unknownCity", "country");
    }

    @Test
    void refinementCriteriaAloneDoNotSelectAnEventTriggeredFlow() {
        var index = TriggerIndex.of(List.of(
                flow("formFromNL").eventBased(false, propertyIs("country", "NL"), event(StandardEvents.FORM_SUBMISSION))
                        .build()));

        assertThat(ids(index.candidates(propertiesChanged("country")))).isEmpty();
        assertThat(ids(index.candidates(eventsOf(StandardEvents.FORM_SUBMISSION)))).containsExactly("formFromNL");
    }

    @Test
    void flowsWithoutTriggersAreNeverCandidatesOfAChange() {
        var index = TriggerIndex.of(List.of(flow("manual").manual(false).build()));

        assertThat(index.candidates(propertiesChanged("country"))).isEmpty();
        assertThat(index.candidates(new ContactChange(contact(), contact(), List.of()))).isEmpty();
    }

    @Test
    void ofAThousandFlowsOnlyTheTenMentioningTheChangedPropertiesAndTheAlwaysEvaluatedAreCandidates() {
        List<Flow> flows = new ArrayList<>();
        IntStream.range(0, 990).forEach(i -> flows.add(flow("other" + i).listBased(propertyIs("prop" + i, "x")).build()));
        IntStream.range(0, 10).forEach(i -> flows.add(
                flow("mentions" + i).listBased(propertyIs(List.of("firstname", "city", "country").get(i % 3), "x")).build()));
        flows.add(flow("inList").listBased(inList("10")).build());

        var candidates = TriggerIndex.of(flows).candidates(propertiesChanged("firstname", "city", "country"));

        assertThat(ids(candidates)).containsExactly("mentions0", "mentions1", "mentions2", "mentions3", "mentions4",
                "mentions5", "mentions6", "mentions7", "mentions8", "mentions9", "inList");
    }

    @Test
    void anIndexStandsForTheFlowsAtTheRevisionsItWasBuiltFrom() {
        Flow a = flow("A").listBased(propertyIs("country", "NL")).build();
        Flow b = flow("B").listBased(propertyIs("city", "Lyon")).build();
        var index = TriggerIndex.of(List.of(a, b));

        assertThat(index.indexes(List.of(b, a))).isTrue();
        assertThat(index.indexes(List.of(a, Flow.parse(b.toJson())))).isTrue();
        assertThat(index.indexes(List.of(a))).isFalse();
        assertThat(index.indexes(List.of(a, Flow.parse(b.toJson().replace("\"revisionId\":\"1\"", "\"revisionId\":\"2\"")))))
                .isFalse();
        assertThat(index.indexes(List.of(a, flow("C").build()))).isFalse();
    }

    @Test
    void aFlowReplacedUnderTheSameRevisionIdIsNotTheIndexedOne() {
        Flow a = flow("A").listBased(propertyIs("country", "NL")).build();
        var index = TriggerIndex.of(List.of(a));

        assertThat(index.indexes(List.of(flow("A").listBased(propertyIs("city", "Lyon")).build()))).isFalse();
    }

    @Test
    void aFlowUpdatedUnderTheSameRevisionIdTriggersOnItsNewCriteria() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")))
                .contact("c1");
        scenario.runUntil(hours(2));

        scenario.simulator().updateFlow(flow("A").listBased(propertyIs("city", "Lyon")).build());
        scenario.set(hours(3), "c1", "city", "Lyon");
        SimulationReport report = scenario.runUntil(days(1));

        assertThat(enrolments(report, "A", "c1")).hasSize(1);
    }

    @Test
    void aFlowEnabledAfterTheIndexWasBuiltIsEvaluated() {
        var scenario = new Scenario()
                .flow(flow("A").listBased(propertyIs("country", "NL")))
                .contact("c1")
                .set(hours(1), "c1", "country", "NL");
        scenario.runUntil(hours(2));

        scenario.flow(flow("B").listBased(propertyIs("city", "Lyon"))).set(hours(3), "c1", "city", "Lyon");
        SimulationReport report = scenario.runUntil(days(1));

        assertThat(enrolments(report, "A", "c1")).hasSize(1);
        assertThat(enrolments(report, "B", "c1")).hasSize(1);
    }

    private static String propertyFilter(String property, String operation) {
        return "{\"filterType\":\"PROPERTY\",\"property\":\"%s\",\"operation\":%s}"
                .formatted(property, operation.replace('\'', '"'));
    }

    private static ContactChange propertiesChanged(String... properties) {
        Contact before = contact();
        Contact after = before.copy();
        for (String property : properties) {
            after.setProperty(property, "new", NOW);
        }
        return new ContactChange(before, after, PropertyChangeEvents.of(after, Set.of(properties), NOW));
    }

    private static ContactChange eventsOf(String eventTypeId) {
        Contact before = contact();
        Contact after = before.copy();
        var event = new ActivityEvent(eventTypeId, NOW, Map.of());
        after.record(event);
        return new ContactChange(before, after, List.of(event));
    }

    private static Contact contact() {
        var contact = new Contact("c1");
        contact.setProperty(Contact.EMAIL, "c1@example.com", NOW.minusSeconds(60));
        return contact;
    }

    private static List<String> ids(List<Flow> flows) {
        return flows.stream().map(Flow::id).toList();
    }
}
