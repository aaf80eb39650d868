package dev.flowline.engine.owner;

import dev.flowline.engine.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account's owners and teams, which operators fill (HubSpot keeps them in its user settings). Actions read it
 * to find whom {@code user_ids}, {@code team_ids} and owner properties mean; the owners API reads it too.
 */
public interface OwnerDirectory {

    /** The owner {@code ownerId}, archived or not. */
    Optional<Owner> owner(String ownerId);

    /** Owners in id order from after {@code after} (null: from the first): the archived ones, or the others. */
    Page<Owner> owners(String after, int limit, boolean archived);

    /** Stores the owner, replacing the one with its id. */
    void putOwner(Owner owner);

    Optional<Team> team(String teamId);

    /** Every team, in id order. */
    List<Team> teams();

    /** Stores the team, replacing the one with its id. */
    void putTeam(Team team);

    /** The owner that is user {@code userId} and not archived. */
    default Optional<Owner> activeOwnerOfUser(String userId) {
        return everyActiveOwner().stream().filter(owner -> owner.userId().equals(userId)).findFirst();
    }

    /** The owners whose main team is {@code teamId}, not archived: those a rotation to the team assigns. */
    default List<Owner> mainTeamMembers(String teamId) {
        return everyActiveOwner().stream().filter(owner -> owner.primaryTeam().filter(teamId::equals).isPresent())
                .toList();
    }

    /** Every owner that is not archived: a directory is people, hundreds at most. */
    default List<Owner> everyActiveOwner() {
        var all = new ArrayList<Owner>();
        String after = null;
        do {
            Page<Owner> page = owners(after, 500, false);
            all.addAll(page.items());
            after = page.next().orElse(null);
        } while (after != null);
        return all;
    }
}
