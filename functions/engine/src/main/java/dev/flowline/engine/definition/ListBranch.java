package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.criteria.FilterBranch;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/** One if/then branch: taken when its filter branch matches. */
public record ListBranch(String branchName, Connection connection, FilterBranch filterBranch,
                         @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public ListBranch {
        extras = Extras.orEmpty(extras);
    }
}
