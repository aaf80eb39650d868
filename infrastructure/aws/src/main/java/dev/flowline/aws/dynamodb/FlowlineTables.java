package dev.flowline.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of Flowline's DynamoDB tables, and their schema. All tables are on-demand (pay per request);
 * every key attribute is a string. GSIs marked sparse hold only the items that carry their key attribute.
 *
 * <table>
 *   <caption>Tables</caption>
 *   <tr><th>table (env variable, default)</th><th>keys</th><th>indexes</th></tr>
 *   <tr><td>flows ({@code FLOWLINE_FLOWS_TABLE}, {@code flowline-flows})</td>
 *       <td>{@code flowId} / {@code sk}: {@code CURRENT} or {@code REV#0000000001}; journeys in a key space of
 *           their own: {@code JOURNEYS} / journey id for each journey's head, {@code JOURNEY#journeyId} /
 *           {@code VER#0000000001} or {@code CONTACT#contactId} for its versions and enrolments</td>
 *       <td>{@code enabled} (sparse, ALL): {@code enabled} = {@code ENABLED} on the CURRENT item of an
 *           enabled flow</td></tr>
 *   <tr><td>contacts ({@code FLOWLINE_CONTACTS_TABLE}, {@code flowline-contacts})</td>
 *       <td>{@code contactId}</td>
 *       <td>{@code email} (sparse, KEYS_ONLY): {@code email}, lower-cased;
 *           {@code pending} (sparse, KEYS_ONLY): {@code pendingShard} / {@code pendingSince}, only while the contact
 *           has events saved and not yet published</td></tr>
 *   <tr><td>enrolments ({@code FLOWLINE_ENROLMENTS_TABLE}, {@code flowline-enrolments})</td>
 *       <td>{@code pk}: the enrolment id ({@code ACTIVE#flowId#contactId}: a lock item of an earlier version, no
 *           longer read)</td>
 *       <td>{@code contact} (KEYS_ONLY): {@code contactId} / {@code flowNumber} ({@code flowId#0000000001});
 *           {@code active} (sparse, KEYS_ONLY): {@code activeContactId}, only while ACTIVE;
 *           {@code due} (sparse, ALL): {@code dueMinute} ({@code 2026-11-23T10:15Z#3}, the due minute and a
 *           shard), only while ACTIVE with a due time</td></tr>
 *   <tr><td>history ({@code FLOWLINE_HISTORY_TABLE}, {@code flowline-history})</td>
 *       <td>{@code contactId} / {@code sk}: time, writer sequence and writer id</td>
 *       <td>{@code enrolment} (sparse, ALL): {@code enrolmentId} / {@code sk}</td></tr>
 *   <tr><td>metrics ({@code FLOWLINE_METRICS_TABLE}, {@code flowline-metrics})</td>
 *       <td>{@code pk}: {@code flowId#shard}, one item per shard with one number attribute per counter</td>
 *       <td>none</td></tr>
 *   <tr><td>effects ({@code FLOWLINE_EFFECTS_TABLE}, {@code flowline-effects})</td>
 *       <td>{@code idempotencyKey}; TTL on {@code expiresAt} (epoch seconds)</td>
 *       <td>none</td></tr>
 *   <tr><td>lists ({@code FLOWLINE_LISTS_TABLE}, {@code flowline-lists})</td>
 *       <td>{@code listId} / {@code sk}: {@code LIST} for the definition, {@code MEMBER#contactId} per member of a
 *           MANUAL or SNAPSHOT list</td>
 *       <td>none</td></tr>
 *   <tr><td>tokens ({@code FLOWLINE_TOKENS_TABLE}, {@code flowline-tokens})</td>
 *       <td>{@code tokenHash}: the SHA-256 of an API token, with its {@code account} and {@code name}; or
 *           {@code <account>#signing-key} for the account's webhook signing key ({@code SigningKeys})</td>
 *       <td>none</td></tr>
 *   <tr><td>crm ({@code FLOWLINE_CRM_TABLE}, {@code flowline-crm})</td>
 *       <td>{@code pk} / {@code sk}: the account's CRM data beside contacts, one key space per kind, each
 *           {@code pk} beginning with the account and the kind (CRM objects and their associations, owners and
 *           teams, notifications, counters); TTL on {@code expiresAt} (epoch seconds) for items kept a while only
 *           (round-robin turns)</td>
 *       <td>none</td></tr>
 * </table>
 * Every key and index value but the token hashes and the due minutes begins with the account id ({@code
 * dev.flowline.aws.accounts.Account#key}); items of the due index name their account.
 */
public record FlowlineTables(String flows, String contacts, String enrolments, String history, String metrics,
                             String effects, String lists, String tokens, String crm) {

    public static final String FLOWS_ENABLED_INDEX = "enabled";
    public static final String CONTACTS_EMAIL_INDEX = "email";
    public static final String CONTACTS_PENDING_INDEX = "pending";
    public static final String ENROLMENTS_CONTACT_INDEX = "contact";
    public static final String ENROLMENTS_ACTIVE_INDEX = "active";
    public static final String ENROLMENTS_DUE_INDEX = "due";
    public static final String HISTORY_ENROLMENT_INDEX = "enrolment";
    public static final String EFFECTS_TTL_ATTRIBUTE = "expiresAt";

    public static FlowlineTables defaults() {
        return fromEnvironment(Map.of());
    }

    public static FlowlineTables fromEnvironment(Map<String, String> env) {
        return new FlowlineTables(
                env.getOrDefault("FLOWLINE_FLOWS_TABLE", "flowline-flows"),
                env.getOrDefault("FLOWLINE_CONTACTS_TABLE", "flowline-contacts"),
                env.getOrDefault("FLOWLINE_ENROLMENTS_TABLE", "flowline-enrolments"),
                env.getOrDefault("FLOWLINE_HISTORY_TABLE", "flowline-history"),
                env.getOrDefault("FLOWLINE_METRICS_TABLE", "flowline-metrics"),
                env.getOrDefault("FLOWLINE_EFFECTS_TABLE", "flowline-effects"),
                env.getOrDefault("FLOWLINE_LISTS_TABLE", "flowline-lists"),
                env.getOrDefault("FLOWLINE_TOKENS_TABLE", "flowline-tokens"),
                env.getOrDefault("FLOWLINE_CRM_TABLE", "flowline-crm"));
    }

    /** The variables that name these tables, as {@link #fromEnvironment} reads them. */
    public Map<String, String> environment() {
        return Map.of("FLOWLINE_FLOWS_TABLE", flows, "FLOWLINE_CONTACTS_TABLE", contacts,
                "FLOWLINE_ENROLMENTS_TABLE", enrolments, "FLOWLINE_HISTORY_TABLE", history,
                "FLOWLINE_METRICS_TABLE", metrics, "FLOWLINE_EFFECTS_TABLE", effects, "FLOWLINE_LISTS_TABLE", lists,
                "FLOWLINE_TOKENS_TABLE", tokens, "FLOWLINE_CRM_TABLE", crm);
    }

    /** The same tables with {@code prefix} before each name (separate environments in one account). */
    public FlowlineTables withPrefix(String prefix) {
        return new FlowlineTables(prefix + flows, prefix + contacts, prefix + enrolments, prefix + history,
                prefix + metrics, prefix + effects, prefix + lists, prefix + tokens, prefix + crm);
    }

    /** Creates the tables that do not exist yet, waits until they are active, and turns on the effects and crm TTL. */
    public void create(DynamoDbClient dynamo) {
        for (CreateTableRequest request : createRequests()) {
            try {
                dynamo.createTable(request);
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
            } catch (ResourceInUseException exists) {
                // created before: nothing to do
            }
        }
        // DynamoDB rejects enabling a TTL that is already enabled.
        for (String table : List.of(effects, crm)) {
            if (dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().attributeName() == null) {
                dynamo.updateTimeToLive(b -> b.tableName(table)
                        .timeToLiveSpecification(t -> t.attributeName(EFFECTS_TTL_ATTRIBUTE).enabled(true)));
            }
        }
    }

    List<CreateTableRequest> createRequests() {
        return List.of(
                new TableSpec(flows, "flowId", "sk")
                        .index(FLOWS_ENABLED_INDEX, "enabled", null, ProjectionType.ALL).request(),
                new TableSpec(contacts, "contactId", null)
                        .index(CONTACTS_EMAIL_INDEX, "email", null, ProjectionType.KEYS_ONLY)
                        .index(CONTACTS_PENDING_INDEX, DynamoContactStore.PENDING_SHARD,
                                DynamoContactStore.PENDING_SINCE, ProjectionType.KEYS_ONLY).request(),
                new TableSpec(enrolments, "pk", null)
                        .index(ENROLMENTS_CONTACT_INDEX, "contactId", "flowNumber", ProjectionType.KEYS_ONLY)
                        .index(ENROLMENTS_ACTIVE_INDEX, "activeContactId", null, ProjectionType.KEYS_ONLY)
                        .index(ENROLMENTS_DUE_INDEX, "dueMinute", null, ProjectionType.ALL).request(),
                new TableSpec(history, "contactId", "sk")
                        .index(HISTORY_ENROLMENT_INDEX, "enrolmentId", "sk", ProjectionType.ALL).request(),
                new TableSpec(metrics, "pk", null).request(),
                new TableSpec(effects, "idempotencyKey", null).request(),
                new TableSpec(lists, "listId", "sk").request(),
                new TableSpec(tokens, "tokenHash", null).request(),
                new TableSpec(crm, "pk", "sk").request());
    }

    /** Builds a create-table request: string keys, on-demand billing. */
    private static final class TableSpec {
        private final String name;
        private final List<KeySchemaElement> keys;
        private final Set<String> keyAttributes = new LinkedHashSet<>();
        private final List<GlobalSecondaryIndex> indexes = new ArrayList<>();

        TableSpec(String name, String partitionKey, String sortKey) {
            this.name = name;
            this.keys = keySchema(partitionKey, sortKey);
        }

        TableSpec index(String indexName, String partitionKey, String sortKey, ProjectionType projection) {
            indexes.add(GlobalSecondaryIndex.builder().indexName(indexName)
                    .keySchema(keySchema(partitionKey, sortKey))
                    .projection(Projection.builder().projectionType(projection).build())
                    .build());
            return this;
        }

        CreateTableRequest request() {
            var builder = CreateTableRequest.builder().tableName(name).keySchema(keys)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(keyAttributes.stream()
                            .map(a -> AttributeDefinition.builder().attributeName(a)
                                    .attributeType(ScalarAttributeType.S).build())
                            .toList());
            return indexes.isEmpty() ? builder.build() : builder.globalSecondaryIndexes(indexes).build();
        }

        private List<KeySchemaElement> keySchema(String partitionKey, String sortKey) {
            var schema = new ArrayList<KeySchemaElement>();
            schema.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
            keyAttributes.add(partitionKey);
            if (sortKey != null) {
                schema.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
                keyAttributes.add(sortKey);
            }
            return schema;
        }
    }
}
