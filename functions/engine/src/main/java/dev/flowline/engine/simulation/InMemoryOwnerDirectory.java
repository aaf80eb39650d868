package dev.flowline.engine.simulation;

import dev.flowline.engine.Page;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.OwnerDirectory;
import dev.flowline.engine.owner.Team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Owners and teams held in memory, in id order. */
public final class InMemoryOwnerDirectory implements OwnerDirectory {

    private final Map<String, Owner> owners = new TreeMap<>();
    private final Map<String, Team> teams = new TreeMap<>();

    @Override
    public synchronized Optional<Owner> owner(String ownerId) {
        return Optional.ofNullable(owners.get(ownerId));
    }

    @Override
    public synchronized Page<Owner> owners(String after, int limit, boolean archived) {
        return Pages.after(owners.values().stream().filter(owner -> owner.archived() == archived), Owner::id, after,
                limit);
    }

    /** The same owners as paging through them gives, without the pages: actions ask for each recipient. */
    @Override
    public synchronized List<Owner> everyActiveOwner() {
        var active = new ArrayList<Owner>(owners.size());
        for (Owner owner : owners.values()) {
            if (!owner.archived()) {
                active.add(owner);
            }
        }
        return active;
    }

    @Override
    public synchronized void putOwner(Owner owner) {
        owners.put(owner.id(), owner);
    }

    @Override
    public synchronized Optional<Team> team(String teamId) {
        return Optional.ofNullable(teams.get(teamId));
    }

    @Override
    public synchronized List<Team> teams() {
        return List.copyOf(teams.values());
    }

    @Override
    public synchronized void putTeam(Team team) {
        teams.put(team.id(), team);
    }

    /** Adds owners {@code ids}, each its own user, with the address {@code <id>@example.com}: a test's directory. */
    public InMemoryOwnerDirectory withOwners(String... ids) {
        Arrays.stream(ids).forEach(id -> putOwner(new Owner(id, id + "@example.com", null, null, null, List.of(),
                Instant.EPOCH, Instant.EPOCH, false)));
        return this;
    }

    /** Adds team {@code teamId} with owners {@code memberIds} (added if new) as its main-team members. */
    public InMemoryOwnerDirectory withTeam(String teamId, String... memberIds) {
        putTeam(new Team(teamId, "Team " + teamId));
        for (String id : memberIds) {
            Owner owner = owner(id).orElseGet(() -> withOwners(id).owner(id).orElseThrow());
            putOwner(new Owner(owner.id(), owner.email(), owner.firstName(), owner.lastName(), owner.userId(),
                    List.of(new Owner.TeamMembership(teamId, true)), owner.createdAt(), owner.updatedAt(),
                    owner.archived()));
        }
        return this;
    }
}
