package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** Random split: each enrolment takes one arm, with the arms' percentages summing to 100. */
public record AbTestBranchAction(String type, String actionId, List<TestBranch> testBranches,
                                 @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Action {

    public AbTestBranchAction {
        extras = Extras.orEmpty(extras);
    }

    @Override
    public List<Edge> edges() {
        return Edge.ofBranches("testBranches", testBranches, TestBranch::connection, null);
    }
}
