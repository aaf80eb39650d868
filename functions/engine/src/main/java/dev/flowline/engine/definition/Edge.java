package dev.flowline.engine.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A connection leaving an action, with its JSON Pointer relative to the action (e.g. {@code /listBranches/0/connection}). */
public record Edge(String path, Connection connection) {

    /**
     * The connections of a branch action's numbered branches, in order, then its default branch; branches
     * without a connection (or null entries, which the validator reports) leave no edge.
     */
    static <B> List<Edge> ofBranches(String field, List<B> branches, Function<B, Connection> connection,
                                     Connection defaultBranch) {
        var edges = new ArrayList<Edge>();
        if (branches != null) {
            for (int i = 0; i < branches.size(); i++) {
                B branch = branches.get(i);
                Connection c = branch == null ? null : connection.apply(branch);
                if (c != null) {
                    edges.add(new Edge("/" + field + "/" + i + "/connection", c));
                }
            }
        }
        if (defaultBranch != null) {
            edges.add(new Edge("/defaultBranch", defaultBranch));
        }
        return edges;
    }
}
