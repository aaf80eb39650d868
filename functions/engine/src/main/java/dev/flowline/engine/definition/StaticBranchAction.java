package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** Value-equals branch on one input value (a property, or the output of an earlier action). */
public record StaticBranchAction(String type, String actionId, JsonNode inputValue, List<StaticBranch> staticBranches,
                                 Connection defaultBranch, String defaultBranchName,
                                 @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Action {

    public static final int MAX_BRANCHES = 250;

    public StaticBranchAction {
        extras = Extras.orEmpty(extras);
    }

    /**
     * Whether this branch only passes contacts on through its default branch: no value branches and no input
     * value, a shape flows built in HubSpot's editor carry.
     */
    @JsonIgnore
    public boolean isPassThrough() {
        return (staticBranches == null || staticBranches.isEmpty()) && inputValue == null && defaultBranch != null;
    }

    @Override
    public List<Edge> edges() {
        return Edge.ofBranches("staticBranches", staticBranches, StaticBranch::connection, defaultBranch);
    }
}
