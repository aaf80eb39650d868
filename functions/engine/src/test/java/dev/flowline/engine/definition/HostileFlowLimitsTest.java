package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.json.FlowlineJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.engine.definition.FlowValidatorFixtures.emptyFlow;
import static dev.flowline.engine.definition.FlowValidatorFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class HostileFlowLimitsTest {

    @Test
    void filterBranchesNestedDeeperThanTheLimitAreAProblemAtTheFirstTooDeepBranch() {
        List<Problem> problems = validateGoalNested(FilterCheck.MAX_DEPTH + 1);

        String tooDeep = "/goalFilterBranch" + "/filterBranches/0".repeat(FilterCheck.MAX_DEPTH);
        assertThat(problems).containsExactly(
                new Problem(tooDeep, "filter branches can be nested at most 20 levels deep"));
    }

    @Test
    void filterBranchesNestedUpToTheLimitAreAccepted() {
        assertThat(validateGoalNested(FilterCheck.MAX_DEPTH)).isEmpty();
    }

    @Test
    void moreActionsThanTheLimitAreAProblemOnTheActions() {
        assertThat(validateWithActions(ActionCheck.MAX_ACTIONS + 1))
                .contains(new Problem("/actions", "a flow can have at most 500 actions; this one has 501"));
        assertThat(validateWithActions(ActionCheck.MAX_ACTIONS)).extracting(Problem::path).doesNotContain("/actions");
    }

    /** A flow whose goal is {@code levels} AND branches, each inside the one before. */
    private static List<Problem> validateGoalNested(int levels) {
        ObjectNode goal = json("{'filterBranchType':'AND','filterBranchOperator':'AND','filterBranches':[],'filters':["
                + "{'filterType':'CONSTANT','shouldAccept':true}]}");
        for (int i = 1; i < levels; i++) {
            ObjectNode outer = json("{'filterBranchType':'AND','filterBranchOperator':'AND','filters':[]}");
            outer.putArray("filterBranches").add(goal);
            goal = outer;
        }
        ObjectNode flow = emptyFlow();
        flow.set("goalFilterBranch", goal);
        return FlowValidator.validate(FlowlineJson.read(flow, Flow.class));
    }

    /** A chain of {@code count} delays. */
    private static List<Problem> validateWithActions(int count) {
        ObjectNode flow = emptyFlow().put("startActionId", "1");
        ArrayNode actions = flow.putArray("actions");
        for (int i = 1; i <= count; i++) {
            ObjectNode action = json("{'type':'SINGLE_CONNECTION','actionTypeVersion':0,'actionTypeId':'0-1',"
                    + "'fields':{'delta':'1','time_unit':'DAYS'}}").put("actionId", String.valueOf(i));
            if (i < count) {
                action.putObject("connection").put("edgeType", "STANDARD").put("nextActionId", String.valueOf(i + 1));
            }
            actions.add(action);
        }
        return FlowValidator.validate(FlowlineJson.read(flow, Flow.class));
    }
}
