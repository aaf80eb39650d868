package dev.flowline.engine.owner;

/** A team of owners, which "rotate to owner" and internal emails may name ({@code team_ids}). */
public record Team(String id, String name) {
}
