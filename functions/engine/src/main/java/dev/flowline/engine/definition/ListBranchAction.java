package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.List;
import java.util.Map;

/** If/then branch: the first branch whose filters match wins, else the default branch. */
public record ListBranchAction(String type, String actionId, List<ListBranch> listBranches,
                               Connection defaultBranch, String defaultBranchName,
                               @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) implements Action {

    public static final int MAX_BRANCHES = 20;

    public ListBranchAction {
        extras = Extras.orEmpty(extras);
    }

    @Override
    public List<Edge> edges() {
        return Edge.ofBranches("listBranches", listBranches, ListBranch::connection, defaultBranch);
    }
}
