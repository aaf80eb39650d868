package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.definition.FlowValidatorFixtures.flowOf;
import static dev.flowline.engine.definition.FlowValidatorFixtures.hubspotExample;
import static dev.flowline.engine.definition.FlowValidatorFixtures.json;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.setProperty;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

class FlowValidatorTest {

    @Test
    void hubspotsExampleFlowHasNoProblems() {
        assertThat(validate(hubspotExample())).isEmpty();
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        ObjectNode flow = flowOf(
                setProperty("1", "9"),
                "{'type':'SINGLE_CONNECTION','actionId':'2','actionTypeId':'0-4','actionTypeVersion':0,'fields':{}}",
                "{'type':'WEBHOOK','actionId':'2','method':'FETCH','webhookUrl':'https://example.com/hook'}");
        flow.set("timeWindows", json("{'w':[{'day':'FUNDAY'}]}").get("w"));

        assertThat(validate(flow)).containsExactly(
                problem("/timeWindows/0/day",
                        "day \"FUNDAY\" must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
                problem("/actions/1/fields/content_id",
                        "content_id is required by action type 0-4 (Send a marketing email to the enrolled contact)"),
                problem("/actions/2/method",
                        "method \"FETCH\" must be one of CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE"),
                problem("/actions/2/actionId", "actionId \"2\" is already used by another action of this flow"),
                problem("/actions/0/connection/nextActionId", "nextActionId \"9\" does not name an action of this flow"),
                problem("/actions/1", "action \"2\" cannot be reached from the start action"));
    }
}
