package dev.flowline.aws.hubspot;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Which Flowline object each imported HubSpot object became, so that importing again updates it rather than making
 * a second one: in the CRM table, under the key space {@code <account>HUBSPOT_IMPORT#<kind>} ({@code FLOW},
 * {@code LIST}, {@code CONTACT}), one item per HubSpot id ({@code sk}) naming the Flowline id.
 */
public final class ImportMappings {

    /** What was imported. */
    public enum Kind { FLOW, LIST, CONTACT }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public ImportMappings(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.account = account;
    }

    public Optional<String> find(Kind kind, String hubSpotId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(kind, hubSpotId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("flowlineId").s());
    }

    public void put(Kind kind, String hubSpotId, String flowlineId) {
        var item = new HashMap<>(key(kind, hubSpotId));
        item.put("flowlineId", fromS(flowlineId));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> key(Kind kind, String id) {
        return Map.of("pk", fromS(account.key("HUBSPOT_IMPORT#" + kind)), "sk", fromS(id));
    }
}
