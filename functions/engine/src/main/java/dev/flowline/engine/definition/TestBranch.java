package dev.flowline.engine.definition;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.json.Extras;

import java.util.Map;

/**
 * One arm of a random split. HubSpot's API reference writes it {@code {connection, percentage}}; its generated SDK
 * models write the arm as the connection itself ({@code {edgeType, nextActionId}}), with no percentage, and the
 * arms then split the enrolments evenly. Both are read, and each is written back as it came.
 */
public record TestBranch(Connection connection, Integer percentage, String edgeType, String nextActionId,
                         @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {

    public TestBranch {
        extras = Extras.orEmpty(extras);
    }

    /** Whether the arm is written as a connection of its own, the SDK models' shape. */
    @JsonIgnore
    public boolean isBareConnection() {
        return connection == null && (edgeType != null || nextActionId != null);
    }

    /** Where the arm leads, in either shape; null when it ends the path. */
    @JsonIgnore
    public Connection route() {
        return isBareConnection() ? new Connection(edgeType, nextActionId, null) : connection;
    }

    /** The JSON Pointer of {@link #route()} relative to the arm. */
    @JsonIgnore
    String routePath() {
        return isBareConnection() ? "" : "/connection";
    }
}
