package dev.flowline.engine.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.flowline.engine.json.HostileJson;
import dev.flowline.engine.json.InvalidJsonException;
import dev.flowline.engine.json.Seeded;
import dev.flowline.engine.json.Seeded.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void anyJsonTreeIsReadOrRefusedWithAPointerNeverThrown(Case<JsonNode> tree) {
        tree.check(json -> readAndValidate(json.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutatedFlows")
    void aValidFlowWithAnyPartReplacedIsReadOrRefusedWithAPointer(Case<JsonNode> flow) {
        flow.check(json -> readAndValidate(json.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbledFlows")
    void aGarbledFlowTextIsReadOrRefusedAsInvalidJson(Case<String> text) {
        text.check(HostileFlowDefinitionTest::readAndValidate);
    }

    static Stream<Case<JsonNode>> trees() {
        return Seeded.cases(300, HostileJson.edgeValues(4, NAMES), random -> HostileJson.value(random, 4, NAMES));
    }

    /** Either flow with each of its values made null in turn, then either with a random part replaced. */
    static Stream<Case<JsonNode>> mutatedFlows() {
        List<JsonNode> flows = List.of(json(HUBSPOT_EXAMPLE), json(BRANCHING));
        var nulled = new ArrayList<JsonNode>();
        flows.forEach(flow -> nulled.addAll(HostileJson.eachValueReplaced(flow, value -> NullNode.getInstance())));
        return Seeded.cases(300, nulled, random -> HostileJson.mutated(random, Seeded.pick(random, flows), NAMES));
    }

    static Stream<Case<String>> garbledFlows() {
        String flow = json(BRANCHING).toString();
        return Seeded.cases(300, HostileJson.edgeGarbles(flow), random -> HostileJson.garbled(random, flow));
    }

    /** Reads and validates {@code text} within ten seconds; a refusal must say where the problem is. */
    private static void readAndValidate(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readOrRefuseWithPointers(text));
    }

    private static void readOrRefuseWithPointers(String text) {
        Flow flow;
        try {
            flow = Flow.parse(text);
        } catch (InvalidJsonException e) {
            assertThat(e.pointer()).matches("(/[^/]*)*");
            return;
        }
        if (flow == null) {
            return;
        }
        List<Problem> problems = FlowValidator.validate(flow);
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.path()).matches("(/[^/]*)*");
            assertThat(problem.message()).isNotBlank();
        });
    }
}
