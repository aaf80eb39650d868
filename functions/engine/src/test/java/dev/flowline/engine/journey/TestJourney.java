package dev.flowline.engine.journey;

import dev.flowline.engine.simulation.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds journey definitions as JSON from readable pieces (single quotes stand for double quotes), so what a
 * test runs is what the API would hold. The default journey is centred on {@code journey_stage}, with
 * enrolment list 100, three stages and two exits:
 * <ul>
 *   <li>stage 1 "new": marketing email a1, one-day delay a2, task a3;</li>
 *   <li>stage 2 "engaged": task b1, two-day delay b2, go to the goal exit (b3);</li>
 *   <li>stage 3 "stalled": marketing email c1, go to stage 1 (c2);</li>
 *   <li>exit "won" (the goal, value "won", adds to list 200) and exit "lost" (value "lost").</li>
 * </ul>
 */
final class TestJourney {

    static final String PROPERTY = "journey_stage";
    static final String LIST = "100";
    static final String WON_LIST = "200";

    private String name = "Onboarding";
    private String property = PROPERTY;
    private List<String> lists = List.of(LIST);
    private boolean enrollEmptyValue;
    private List<String> stages = new ArrayList<>(List.of(
            stage("1", "new", email("a1", "a2"), delay("a2", 1, "a3"), task("a3", null)),
            stage("2", "engaged", task("b1", "b2"), delay("b2", 2, "b3"), goToExit("b3", "won")),
            stage("3", "stalled", email("c1", "c2"), goToStage("c2", "1"))));
    private List<String> exits = List.of(exit("won", true, "won", WON_LIST), exit("lost", false, "lost", null));
    private String unEnrollment = "{}";

    static TestJourney journey() {
        return new TestJourney();
    }

    TestJourney name(String value) {
        name = value;
        return this;
    }

    TestJourney property(String value) {
        property = value;
        return this;
    }

    TestJourney lists(String... ids) {
        lists = List.of(ids);
        return this;
    }

    TestJourney enrollEmptyValue() {
        enrollEmptyValue = true;
        return this;
    }

    TestJourney stages(String... values) {
        stages = new ArrayList<>(Arrays.asList(values));
        return this;
    }

    TestJourney exits(String... values) {
        exits = List.of(values);
        return this;
    }

    TestJourney unEnrollment(String json) {
        unEnrollment = json;
        return this;
    }

    String json() {
        var quoted = lists.stream().map(id -> "'" + id + "'").toList();
        return ("{'name':'%s','propertyName':'%s','enrollmentListIds':[%s],'enrollEmptyValue':%s,"
                + "'stages':[%s],'exits':[%s],'unEnrollment':%s}").formatted(name, property,
                String.join(",", quoted), enrollEmptyValue, String.join(",", stages), String.join(",", exits),
                unEnrollment).replace('\'', '"');
    }

    JourneyDefinition build() {
        return JourneyDefinition.parse(json());
    }

    // --- pieces ---

    static String stage(String id, String value, String... actions) {
        return "{'stageId':'%s','name':'Stage %s','propertyValue':'%s','actions':[%s]}"
                .formatted(id, id, value, String.join(",", actions));
    }

    static String exit(String id, boolean goal, String value, String listId) {
        return "{'exitId':'%s','name':'Exit %s','goal':%s,'propertyValue':'%s'%s}".formatted(id, id, goal, value,
                listId == null ? "" : ",'staticListId':'" + listId + "'");
    }

    static String action(String id, String typeId, String fields, String next) {
        return "{'type':'SINGLE_CONNECTION','actionId':'%s','actionTypeId':'%s','fields':%s%s}".formatted(id, typeId,
                fields, next == null ? "" : ",'connection':{'edgeType':'STANDARD','nextActionId':'" + next + "'}");
    }

    static String email(String id, String next) {
        return action(id, "0-4", "{'content_id':'55'}", next);
    }

    static String delay(String id, int days, String next) {
        return action(id, "0-1", "{'delta':'" + days + "','time_unit':'DAYS'}", next);
    }

    static String task(String id, String next) {
        return action(id, "0-3", "{'task_type':'TODO','subject':'Call " + id + "'}", next);
    }

    static String sms(String id, String next) {
        return action(id, "0-25", "{'phone_number':'+33600000000','body':'Welcome'}", next);
    }

    static String goToStage(String id, String stageId) {
        return action(id, GoTo.TYPE, "{'stageId':'" + stageId + "'}", null);
    }

    static String goToExit(String id, String exitId) {
        return action(id, GoTo.TYPE, "{'exitId':'" + exitId + "'}", null);
    }

    // --- running one ---

    /** Creates and publishes {@code journey} as journey "j1" in the scenario's simulator. */
    static Journey publish(Scenario scenario, TestJourney journey) {
        var journeys = scenario.simulator().journeys();
        var created = journeys.create("j1", journey.build());
        if (!created.isSaved()) {
            throw new AssertionError("refused: " + created.problems());
        }
        return journeys.publish("j1", List.of()).journey().orElseThrow();
    }

    static String stageFlow(String stageId) {
        return StageFlows.flowId("j1", stageId);
    }

    private TestJourney() {
    }
}
