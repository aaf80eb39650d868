package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.EmailAddress;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.OwnerDirectory;
import dev.flowline.engine.owner.Team;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The owner directory: HubSpot's read-only owners API ({@code /crm/v3/owners}), and Flowline's endpoints through
 * which operators fill it ({@code PUT}/{@code DELETE /flowline/v1/owners/{ownerId}}, {@code /flowline/v1/teams}),
 * as HubSpot fills its owners from its users and teams settings.
 */
final class OwnerRoutes implements Routes {

    private static final String OWNERS = "/crm/v3/owners";
    private static final String DIRECTORY = FlowlineRoutes.PREFIX;

    private final Clock clock;
    private final OwnerDirectory directory;

    OwnerRoutes(Engine engine) {
        this.clock = engine.ports().clock();
        this.directory = engine.ports().owners();
    }

    @Override
    public void register(Router router) {
        router.get(OWNERS, this::list)
                .get(OWNERS + "/{ownerId}", this::read)
                .delete(DIRECTORY + "/owners/{ownerId}", this::archive)
                .put(DIRECTORY + "/owners/{ownerId}", this::put)
                .get(DIRECTORY + "/teams", request -> ApiResponse.ok(teams()))
                .put(DIRECTORY + "/teams/{teamId}", this::putTeam);
    }

    /** {@code email} finds the owner with that address; {@code archived=true} lists the archived owners only. */
    private ApiResponse list(ApiRequest request) {
        boolean archived = archived(request);
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        Optional<String> email = request.queryParameter("email");
        if (email.isPresent()) {
            directory.everyActiveOwner().stream().filter(owner -> !archived)
                    .filter(owner -> email.get().equalsIgnoreCase(owner.email()))
                    .forEach(owner -> results.add(json(owner)));
            return ApiResponse.ok(body);
        }
        Page<Owner> page = directory.owners(request.queryParameter("after").orElse(null),
                Paging.limit(request, 100, 500), archived);
        page.items().forEach(owner -> results.add(json(owner)));
        Paging.next(body, page.next());
        return ApiResponse.ok(body);
    }

    /** By owner id, or by user id with {@code idProperty=userId}; an archived owner only with {@code archived=true}. */
    private ApiResponse read(ApiRequest request) {
        String id = request.pathParameter("ownerId");
        boolean byUser = "userId".equals(request.queryParameter("idProperty").orElse("id"));
        boolean archived = archived(request);
        Optional<Owner> owner = byUser
                ? directory.owners(null, Integer.MAX_VALUE, archived).items().stream()
                        .filter(o -> o.userId().equals(id)).findFirst()
                : directory.owner(id).filter(o -> o.archived() == archived);
        return ApiResponse.ok(json(owner.orElseThrow(() -> ApiException.notFound("Could not find owner " + id))));
    }

    private static boolean archived(ApiRequest request) {
        return Boolean.parseBoolean(request.queryParameter("archived").orElse("false"));
    }

    /**
     * Creates or replaces an owner: {@code {email, firstName, lastName, userId, teams: [{id, primary}]}}; teams
     * must exist, and the first is the main one unless one says {@code primary: true}. Putting an archived owner
     * brings it back.
     */
    private ApiResponse put(ApiRequest request) {
        String id = request.pathParameter("ownerId");
        JsonNode body = request.json();
        var errors = new ArrayList<ApiError>();
        String email = text(body, "email");
        if (email == null) {
            errors.add(new ApiError("/email", "email is required"));
        } else {
            EmailAddress.problem(email).ifPresent(problem ->
                    errors.add(new ApiError("/email", problem, ApiError.INVALID_EMAIL)));
        }
        List<Owner.TeamMembership> teams = teams(body.path("teams"), errors);
        ContactRoutes.requireValid(errors);
        Instant now = clock.instant();
        Instant created = directory.owner(id).map(Owner::createdAt).orElse(now);
        var owner = new Owner(id, email, text(body, "firstName"), text(body, "lastName"), text(body, "userId"),
                teams, created, now, false);
        directory.putOwner(owner);
        return ApiResponse.ok(json(owner));
    }

    private List<Owner.TeamMembership> teams(JsonNode teams, List<ApiError> errors) {
        if (teams.isMissingNode() || teams.isNull()) {
            return List.of();
        }
        if (!teams.isArray()) {
            errors.add(new ApiError("/teams", "teams must be an array of {id, primary}"));
            return List.of();
        }
        var ids = new ArrayList<String>();
        int primary = -1;
        for (int i = 0; i < teams.size(); i++) {
            String teamId = text(teams.get(i), "id");
            if (teamId == null || directory.team(teamId).isEmpty()) {
                errors.add(new ApiError("/teams/" + i + "/id", "there is no team " + teamId
                        + ": create it first (PUT /flowline/v1/teams/{teamId})"));
            }
            if (teams.get(i).path("primary").asBoolean(false)) {
                if (primary >= 0) {
                    errors.add(new ApiError("/teams/" + i + "/primary", "an owner has one primary team"));
                }
                primary = i;
            }
            ids.add(teamId);
        }
        int main = Math.max(primary, 0);
        var memberships = new ArrayList<Owner.TeamMembership>();
        for (int i = 0; i < ids.size(); i++) {
            memberships.add(new Owner.TeamMembership(ids.get(i), i == main));
        }
        return memberships;
    }

    /** Archives the owner: it is kept (records still name it) but no longer assigned, emailed or listed. */
    private ApiResponse archive(ApiRequest request) {
        String id = request.pathParameter("ownerId");
        Owner owner = directory.owner(id).filter(o -> !o.archived())
                .orElseThrow(() -> ApiException.notFound("Could not find owner " + id));
        directory.putOwner(owner.archivedAt(clock.instant()));
        return ApiResponse.noContent();
    }

    /** Creates or renames a team: {@code {name}}. */
    private ApiResponse putTeam(ApiRequest request) {
        String name = text(request.json(), "name");
        if (name == null) {
            throw ApiException.invalid("a team needs a name", List.of(new ApiError("/name", "name is required")));
        }
        var team = new Team(request.pathParameter("teamId"), name);
        directory.putTeam(team);
        return ApiResponse.ok(FlowlineJson.mapper().createObjectNode().put("id", team.id()).put("name", team.name()));
    }

    private ObjectNode teams() {
        ObjectNode body = FlowlineJson.mapper().createObjectNode();
        var results = body.putArray("results");
        directory.teams().forEach(team -> results.addObject().put("id", team.id()).put("name", team.name()));
        return body;
    }

    /** HubSpot's owner: a numeric user id is a JSON number, as HubSpot's are. */
    private ObjectNode json(Owner owner) {
        ObjectNode json = FlowlineJson.mapper().createObjectNode().put("id", owner.id()).put("email", owner.email())
                .put("type", "PERSON").put("firstName", owner.firstName()).put("lastName", owner.lastName());
        if (owner.userId().matches("\\d{1,18}")) {
            json.put("userId", Long.parseLong(owner.userId())).put("userIdIncludingInactive", Long.parseLong(owner.userId()));
        } else {
            json.put("userId", owner.userId()).put("userIdIncludingInactive", owner.userId());
        }
        json.put("createdAt", owner.createdAt().toString()).put("updatedAt", owner.updatedAt().toString())
                .put("archived", owner.archived());
        var teams = json.putArray("teams");
        for (Owner.TeamMembership membership : owner.teams()) {
            teams.addObject().put("id", membership.teamId())
                    .put("name", directory.team(membership.teamId()).map(Team::name).orElse(membership.teamId()))
                    .put("primary", membership.primary());
        }
        return json;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank() ? null
                : value.asText();
    }
}
