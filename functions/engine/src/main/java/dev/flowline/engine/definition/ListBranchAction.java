package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.ArrayList;
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
        var edges = new ArrayList<Edge>();
        if (listBranches != null) {
            for (int i = 0; i < listBranches.size(); i++) {
                Connection c = listBranches.get(i) == null ? null : listBranches.get(i).connection();
                if (c != null) {
                    edges.add(new Edge("/listBranches/" + i + "/connection", c));
                }
            }
        }
        if (defaultBranch != null) {
            edges.add(new Edge("/defaultBranch", defaultBranch));
        }
        return edges;
    }
}
