package dev.flowline.engine.owner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A HubSpot owner: a user records can be assigned to ({@code hubspot_owner_id} holds its {@code id}), with the
 * address internal emails reach and the teams it belongs to. Workflow actions name users ({@code user_ids}) by
 * {@code userId}, which is the owner's id when the directory was given none. An archived owner is kept, so that
 * records it owns still name it, but is no longer assigned or notified.
 */
public record Owner(String id, String email, String firstName, String lastName, String userId,
                    List<TeamMembership> teams, Instant createdAt, Instant updatedAt, boolean archived) {

    /** A team the owner is in; the primary one is its main team, the one rotations to the team draw from. */
    public record TeamMembership(String teamId, boolean primary) {
    }

    public Owner {
        teams = List.copyOf(teams);
        userId = userId == null || userId.isBlank() ? id : userId;
    }

    /** The owner's main team, if it has one. */
    public Optional<String> primaryTeam() {
        return teams.stream().filter(TeamMembership::primary).map(TeamMembership::teamId).findFirst();
    }

    public Owner archivedAt(Instant at) {
        return new Owner(id, email, firstName, lastName, userId, teams, createdAt, at, true);
    }
}
