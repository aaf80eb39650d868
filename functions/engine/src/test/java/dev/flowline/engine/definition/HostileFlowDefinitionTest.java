package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.HostileJson;
import dev.flowline.engine.json.InvalidJsonException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.List;

import static dev.flowline.engine.definition.FlowValidatorFixtures.HUBSPOT_EXAMPLE;
import static dev.flowline.engine.definition.FlowValidatorFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random and mutated flow definitions: reading one either fails with {@link InvalidJsonException} (a 400 with a
 * pointer) or gives a flow the validator judges with problems that each carry a JSON Pointer. Nothing else is
 * thrown, and no definition takes long.
 */
class HostileFlowDefinitionTest {

    /** Field names of a flow and its parts, so random trees reach deep into the model. */
    private static final List<String> NAMES = List.of("type", "objectTypeId", "flowType", "isEnabled", "actions",
            "actionId", "actionTypeId", "connection", "nextActionId", "fields", "startActionId", "enrollmentCriteria",
            "listFilterBranch", "eventFilterBranches", "filterBranches", "filters", "filterType", "filterBranchType",
            "operation", "operationType", "operator", "value", "values", "property", "goalFilterBranch",
            "timeWindows", "blockedDates", "listBranches", "staticBranches", "testBranches", "timePoint");

    /** A flow with list-based criteria, a goal and an if/then branch, besides HubSpot's example. */
    private static final String BRANCHING = """
            {'type':'CONTACT_FLOW','objectTypeId':'0-1','flowType':'WORKFLOW','isEnabled':true,'startActionId':'1',
             'enrollmentCriteria':{'type':'LIST_BASED','shouldReEnroll':false,'listFilterBranch':{
               'filterBranchType':'OR','filterBranchOperator':'OR','filters':[],'filterBranches':[
                {'filterBranchType':'AND','filterBranchOperator':'AND','filterBranches':[],'filters':[
                  {'filterType':'PROPERTY','property':'lifecyclestage',
                   'operation':{'operationType':'ENUMERATION','operator':'IS_ANY_OF','values':['lead']}}]}]}},
             'goalFilterBranch':{'filterBranchType':'AND','filterBranchOperator':'AND','filterBranches':[],'filters':[
               {'filterType':'PROPERTY','property':'amount',
                'operation':{'operationType':'NUMBER','operator':'IS_GREATER_THAN','value':10}}]},
             'actions':[
              {'type':'LIST_BRANCH','actionId':'1','listBranches':[{'branchName':'yes','filterBranch':{
                 'filterBranchType':'OR','filterBranchOperator':'OR','filters':[],'filterBranches':[]},
                 'connection':{'edgeType':'STANDARD','nextActionId':'2'}}]},
              {'type':'SINGLE_CONNECTION','actionId':'2','actionTypeVersion':0,'actionTypeId':'0-1',
               'fields':{'delta':'1','time_unit':'DAYS'}}]}
            """;

    @Property(tries = 300)
    void anyJsonTreeIsReadOrRefusedWithAPointerNeverThrown(@ForAll("trees") JsonNode tree) {
        readAndValidate(tree.toString());
    }

    @Property(tries = 300)
    void aValidFlowWithAnyPartReplacedIsReadOrRefusedWithAPointer(@ForAll("mutatedFlows") JsonNode flow) {
        readAndValidate(flow.toString());
    }

    @Property(tries = 300)
    void aGarbledFlowTextIsReadOrRefusedAsInvalidJson(@ForAll("garbledFlows") String text) {
        readAndValidate(text);
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return HostileJson.values(4, NAMES);
    }

    @Provide
    Arbitrary<JsonNode> mutatedFlows() {
        return net.jqwik.api.Arbitraries.oneOf(HostileJson.mutated(json(HUBSPOT_EXAMPLE), NAMES),
                HostileJson.mutated(json(BRANCHING), NAMES));
    }

    @Provide
    Arbitrary<String> garbledFlows() {
        return HostileJson.garbled(json(BRANCHING).toString());
    }

    /** Reads and validates {@code text} within a second; a refusal must say where the problem is. */
    private static void readAndValidate(String text) {
        Statistics.collect(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> outcome(text)));
    }

    private static String outcome(String text) {
        Flow flow;
        try {
            flow = Flow.parse(text);
        } catch (InvalidJsonException e) {
            assertThat(e.pointer()).matches("(/[^/]*)*");
            return "unreadable";
        }
        if (flow == null) {
            return "null";
        }
        List<Problem> problems = FlowValidator.validate(flow);
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.path()).matches("(/[^/]*)*");
            assertThat(problem.message()).isNotBlank();
        });
        return problems.isEmpty() ? "valid" : "refused by the validator";
    }
}
