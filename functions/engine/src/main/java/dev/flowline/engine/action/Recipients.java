package dev.flowline.engine.action;

import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.OwnerDirectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The owners an action names through the owner directory: users ({@code user_ids}, by user id), the main-team
 * members of teams ({@code team_ids}) and owner ids (the values of owner properties). A user, team or owner the
 * directory does not have, or has archived, is an {@link ActionFailure} naming it: HubSpot fails an action whose
 * user is deactivated, rather than leaving the user out.
 */
final class Recipients {

    private final OwnerDirectory directory;
    private final Map<String, Owner> found = new LinkedHashMap<>();

    Recipients(OwnerDirectory directory) {
        this.directory = directory;
    }

    Recipients users(List<String> userIds) {
        for (String userId : userIds) {
            add(directory.activeOwnerOfUser(userId).orElseThrow(() ->
                    new ActionFailure("user " + userId + " is not an active owner in the owner directory")));
        }
        return this;
    }

    Recipients teams(List<String> teamIds) {
        for (String teamId : teamIds) {
            if (directory.team(teamId).isEmpty()) {
                throw new ActionFailure("team " + teamId + " is not in the owner directory");
            }
            directory.mainTeamMembers(teamId).forEach(this::add);
        }
        return this;
    }

    Recipients owners(List<String> ownerIds) {
        for (String ownerId : ownerIds) {
            Owner owner = directory.owner(ownerId).filter(o -> !o.archived()).orElseThrow(() ->
                    new ActionFailure("owner " + ownerId + " is not an active owner in the owner directory"));
            add(owner);
        }
        return this;
    }

    private void add(Owner owner) {
        found.putIfAbsent(owner.id(), owner);
    }

    /** The owners found, each once, in the order named. */
    List<Owner> found() {
        return new ArrayList<>(found.values());
    }

    /** Their email addresses, each once; owners without one are left out. */
    List<String> emails() {
        var emails = new LinkedHashSet<String>();
        for (Owner owner : found.values()) {
            if (owner.email() != null && !owner.email().isBlank()) {
                emails.add(owner.email());
            }
        }
        return List.copyOf(emails);
    }
}
