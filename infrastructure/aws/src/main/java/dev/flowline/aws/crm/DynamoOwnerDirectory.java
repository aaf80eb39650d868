package dev.flowline.aws.crm;

import dev.flowline.aws.iam.Permissions;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.engine.Page;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.engine.owner.Owner;
import dev.flowline.engine.owner.OwnerDirectory;
import dev.flowline.engine.owner.Team;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * The owner directory in the {@code crm} table: owners under {@code <account>#OWNER} and teams under
 * {@code <account>#TEAM}, each sorted by id. A directory holds people, hundreds at most, so a listing reads the
 * account's owners (a query of a page or two) and pages them in memory.
 */
public final class DynamoOwnerDirectory implements OwnerDirectory {

    /** The AWS calls it makes: owners and teams. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");

    static final String PK = "pk";
    static final String SK = "sk";
    private static final TypeReference<List<Owner.TeamMembership>> TEAMS = new TypeReference<>() {
    };

    private final DynamoDbClient dynamo;
    private final String table;
    private final String ownersKey;
    private final String teamsKey;

    public DynamoOwnerDirectory(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.ownersKey = account.key("OWNER");
        this.teamsKey = account.key("TEAM");
    }

    @Override
    public Optional<Owner> owner(String ownerId) {
        return get(ownersKey, ownerId).map(DynamoOwnerDirectory::owner);
    }

    @Override
    public Page<Owner> owners(String after, int limit, boolean archived) {
        List<Owner> rest = query(ownersKey).stream().map(DynamoOwnerDirectory::owner)
                .filter(owner -> owner.archived() == archived && (after == null || owner.id().compareTo(after) > 0))
                .toList();
        return rest.size() <= limit ? new Page<>(rest, Optional.empty())
                : new Page<>(rest.subList(0, limit), Optional.of(rest.get(limit - 1).id()));
    }

    @Override
    public void putOwner(Owner owner) {
        var item = new HashMap<String, AttributeValue>();
        item.put(PK, fromS(ownersKey));
        item.put(SK, fromS(owner.id()));
        item.put("userId", fromS(owner.userId()));
        item.put("teams", fromS(FlowlineJson.write(owner.teams())));
        item.put("createdAt", fromS(owner.createdAt().toString()));
        item.put("updatedAt", fromS(owner.updatedAt().toString()));
        item.put("archived", fromBool(owner.archived()));
        putIfPresent(item, "email", owner.email());
        putIfPresent(item, "firstName", owner.firstName());
        putIfPresent(item, "lastName", owner.lastName());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<Team> team(String teamId) {
        return get(teamsKey, teamId).map(DynamoOwnerDirectory::team);
    }

    @Override
    public List<Team> teams() {
        return query(teamsKey).stream().map(DynamoOwnerDirectory::team).toList();
    }

    @Override
    public void putTeam(Team team) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(PK, fromS(teamsKey), SK, fromS(team.id()),
                "name", fromS(team.name()))));
    }

    /** Every item under {@code pk}, in id order. */
    private List<Map<String, AttributeValue>> query(String pk) {
        var items = new ArrayList<Map<String, AttributeValue>>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", fromS(pk))))
                .items().forEach(items::add);
        return items;
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, fromS(pk), SK, fromS(sk)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Owner owner(Map<String, AttributeValue> item) {
        return new Owner(item.get(SK).s(), text(item, "email"), text(item, "firstName"), text(item, "lastName"),
                item.get("userId").s(), FlowlineJson.mapper().convertValue(
                        FlowlineJson.read(item.get("teams").s(), Object.class), TEAMS),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                item.get("archived").bool());
    }

    private static Team team(Map<String, AttributeValue> item) {
        return new Team(item.get(SK).s(), item.get("name").s());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, fromS(value));
        }
    }
}
