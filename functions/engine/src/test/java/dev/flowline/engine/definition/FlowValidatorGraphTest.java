package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static dev.flowline.engine.definition.FlowValidatorFixtures.emptyFlow;
import static dev.flowline.engine.definition.FlowValidatorFixtures.flowOf;
import static dev.flowline.engine.definition.FlowValidatorFixtures.problem;
import static dev.flowline.engine.definition.FlowValidatorFixtures.setProperty;
import static dev.flowline.engine.definition.FlowValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

class FlowValidatorGraphTest {

    /** An if/then branch: one branch to {@code branchTo}, the default to {@code defaultTo}. */
    private static String ifThen(String id, String branchTo, String defaultTo) {
        return "{'type':'LIST_BRANCH','actionId':'" + id + "','listBranches':[{'branchName':'A','filterBranch':"
                + "{'filterBranchType':'OR','filterBranchOperator':'OR','filterBranches':[],'filters':[]},"
                + "'connection':{'edgeType':'STANDARD','nextActionId':'" + branchTo + "'}}],"
                + "'defaultBranch':{'edgeType':'STANDARD','nextActionId':'" + defaultTo + "'}}";
    }

    private static String gotoAction(String id, String target) {
        return setProperty(id, null).replace("}}}", "}},'connection':{'edgeType':'GOTO','nextActionId':'" + target + "'}}");
    }

    @Test
    void aFlowWithoutActionsNeedsNoStart() {
        assertThat(validate(emptyFlow())).isEmpty();
    }

    @Test
    void startActionIdIsRequiredWhenThereAreActions() {
        ObjectNode flow = flowOf(setProperty("1", null));
        flow.remove("startActionId");
        assertThat(validate(flow)).containsExactly(
                problem("/startActionId", "startActionId is required when the flow has actions"));
    }

    @Test
    void startActionIdMustNameAnAction() {
        assertThat(validate(flowOf(setProperty("1", null)).put("startActionId", "7"))).containsExactly(
                problem("/startActionId", "startActionId \"7\" does not name an action of this flow"));
    }

    @Test
    void nextActionIdMustNameAnActionOnEveryKindOfEdge() {
        assertThat(validate(flowOf(ifThen("1", "8", "9")))).containsExactly(
                problem("/actions/0/listBranches/0/connection/nextActionId",
                        "nextActionId \"8\" does not name an action of this flow"),
                problem("/actions/0/defaultBranch/nextActionId", "nextActionId \"9\" does not name an action of this flow"));
    }

    @Test
    void connectionNeedsNextActionIdAndAKnownEdgeType() {
        assertThat(validate(flowOf(setProperty("1", "2").replace("'nextActionId':'2'", "'label':'x'")
                .replace("'edgeType':'STANDARD'", "'edgeType':'JUMP'")))).containsExactly(
                problem("/actions/0/connection/edgeType", "edgeType \"JUMP\" must be one of STANDARD, GOTO"),
                problem("/actions/0/connection/nextActionId", "nextActionId is required"));
    }

    @Test
    void actionIdIsRequired() {
        assertThat(validate(flowOf(setProperty("1", null), setProperty("", null).replace("'actionId':'',", ""))))
                .containsExactly(problem("/actions/1/actionId", "actionId is required"));
    }

    @Test
    void duplicateActionIdIsReportedAtItsSecondUse() {
        assertThat(validate(flowOf(setProperty("1", "2"), setProperty("2", null), setProperty("2", null))))
                .containsExactly(problem("/actions/2/actionId", "actionId \"2\" is already used by another action of this flow"));
    }

    @Test
    void unreachableActionIsReported() {
        assertThat(validate(flowOf(setProperty("1", null), setProperty("2", null)))).containsExactly(
                problem("/actions/1", "action \"2\" cannot be reached from the start action"));
    }

    @Test
    void gotoToAnotherBranchIsFine() {
        assertThat(validate(flowOf(ifThen("1", "2", "3"), setProperty("2", "4"), gotoAction("3", "4"),
                setProperty("4", null)))).isEmpty();
    }

    @Test
    void gotoBackToAnAncestorClosesALoop() {
        assertThat(validate(flowOf(setProperty("1", "2"), setProperty("2", "3"), gotoAction("3", "1"))))
                .containsExactly(problem("/actions/2/connection/nextActionId",
                        "going to action \"1\" from action \"3\" creates a loop"));
    }

    @Test
    void gotoToItselfClosesALoop() {
        assertThat(validate(flowOf(gotoAction("1", "1")))).containsExactly(
                problem("/actions/0/connection/nextActionId", "going to action \"1\" from action \"1\" creates a loop"));
    }

    @Test
    void loopOfStandardEdgesIsReportedOnce() {
        assertThat(validate(flowOf(setProperty("1", "2"), ifThen("2", "3", "4"), setProperty("3", "2"),
                setProperty("4", null)))).containsExactly(problem("/actions/2/connection/nextActionId",
                "going to action \"2\" from action \"3\" creates a loop"));
    }

    @Test
    void loopAwayFromTheStartIsReportedToo() {
        assertThat(validate(flowOf(setProperty("1", null), setProperty("2", "3"), setProperty("3", "2"))))
                .containsExactly(
                        problem("/actions/2/connection/nextActionId", "going to action \"2\" from action \"3\" creates a loop"),
                        problem("/actions/1", "action \"2\" cannot be reached from the start action"),
                        problem("/actions/2", "action \"3\" cannot be reached from the start action"));
    }
}
