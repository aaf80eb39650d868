package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Which Flowline object each object imported from HubSpot became, so that importing again updates it rather than
 * making a second one: in the CRM table, under the key space {@code <account>HUBSPOT_IMPORT#<kind>} ({@code FLOW},
 * {@code LIST}, {@code CONTACT}), one item per HubSpot id ({@code sk}) naming the Flowline id.
 */
public final class ImportMappings {

    /** What was imported. */
    public enum Kind { FLOW, LIST, CONTACT }

    private static final int BATCH_GET = 100;
    private static final String FLOWLINE_ID = "flowlineId";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public ImportMappings(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.account = account;
    }

    /** The Flowline ids of those of {@code hubSpotIds} imported before, by HubSpot id. */
    public Map<String, String> find(Kind kind, Collection<String> hubSpotIds) {
        var found = new HashMap<String, String>();
        List<String> ids = List.copyOf(hubSpotIds);
        for (int from = 0; from < ids.size(); from += BATCH_GET) {
            var keys = ids.subList(from, Math.min(from + BATCH_GET, ids.size())).stream().distinct()
                    .map(id -> key(kind, id)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                var answer = dynamo.batchGetItem(b -> b.requestItems(asked));
                answer.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(item.get("sk").s(), item.get(FLOWLINE_ID).s()));
                pending = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /** Records that each HubSpot id of {@code flowlineIds} became that Flowline id. */
    public void put(Kind kind, Map<String, String> flowlineIds) {
        var writes = new ArrayList<WriteRequest>();
        flowlineIds.forEach((hubSpotId, flowlineId) -> {
            var item = new HashMap<>(key(kind, hubSpotId));
            item.put(FLOWLINE_ID, fromS(flowlineId));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        });
        BatchWrites.write(dynamo, table, writes);
    }

    private Map<String, AttributeValue> key(Kind kind, String hubSpotId) {
        return Map.of("pk", fromS(account.key("HUBSPOT_IMPORT#" + kind)), "sk", fromS(hubSpotId));
    }
}
