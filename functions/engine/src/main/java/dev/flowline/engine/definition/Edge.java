package dev.flowline.engine.definition;

/** A connection leaving an action, with its JSON Pointer relative to the action (e.g. {@code /listBranches/0/connection}). */
public record Edge(String path, Connection connection) {
}
