package dev.flowline.engine.action;

import java.util.List;

/** Knows teams: the members a "rotate to owner" action may assign (main-team members with a paid seat). */
@FunctionalInterface
public interface OwnerDirectory {

    List<String> eligibleMembers(String teamId);
}
