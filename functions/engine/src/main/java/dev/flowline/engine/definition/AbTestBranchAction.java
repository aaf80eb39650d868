package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random split: each enrolment takes one arm, by the arms' percentages (summing to 100), or evenly when no arm
 * has one (the SDK models' list of connections, see {@link TestBranch}).
 */
public record AbTestBranchAction(String type, String actionId, List<TestBranch> testBranches,
                                 @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Action {

    public AbTestBranchAction {
        extras = Extras.orEmpty(extras);
    }

    @Override
    public List<Edge> edges() {
        var edges = new ArrayList<Edge>();
        if (testBranches != null) {
            for (int i = 0; i < testBranches.size(); i++) {
                TestBranch arm = testBranches.get(i);
                if (arm != null && arm.route() != null) {
                    edges.add(new Edge("/testBranches/" + i + arm.routePath(), arm.route()));
                }
            }
        }
        return edges;
    }
}
