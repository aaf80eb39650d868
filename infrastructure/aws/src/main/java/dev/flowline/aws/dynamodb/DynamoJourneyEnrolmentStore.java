package dev.flowline.aws.dynamodb;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.journey.JourneyEnrolment;
import dev.flowline.engine.journey.JourneyEnrolmentStore;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.flowline.aws.dynamodb.DynamoJourneyStore.PK;
import static dev.flowline.aws.dynamodb.DynamoJourneyStore.SK;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Journey enrolments in the flows table, in their journey's partition ({@link DynamoJourneyStore}): one item
 * {@code CONTACT#contactId} per contact, the enrolment's JSON and its revision. Creating is conditional on the item
 * not existing (a contact enrols once, ever), updating on the revision read. A journey's enrolments are one
 * query of its partition.
 */
public final class DynamoJourneyEnrolmentStore implements JourneyEnrolmentStore {

    /** The AWS calls it makes: journey enrolments live in their journey's partition of the flows table. */
    public static final Permissions PERMISSIONS = Permissions.on("FlowsTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query");

    private static final String CONTACT_PREFIX = "CONTACT#";
    private static final String JSON = "json";
    private static final String REVISION = "revision";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoJourneyEnrolmentStore(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.flows();
        this.account = account;
    }

    @Override
    public Optional<JourneyEnrolment> find(String journeyId, String contactId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(journeyId, contactId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(enrolmentOf(item));
    }

    /** In enrolment order; contacts enrolled at the same instant by contact id. */
    @Override
    public List<JourneyEnrolment> ofJourney(String journeyId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :contact)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", fromS(partition(journeyId)),
                                ":contact", fromS(CONTACT_PREFIX))))
                .items().stream().map(DynamoJourneyEnrolmentStore::enrolmentOf)
                .sorted(Comparator.comparing(JourneyEnrolment::enrolledAt).thenComparing(JourneyEnrolment::contactId))
                .toList();
    }

    @Override
    public boolean create(JourneyEnrolment enrolment) {
        return put(enrolment, "attribute_not_exists(#pk)", Map.of("#pk", PK), Map.of());
    }

    @Override
    public boolean update(JourneyEnrolment enrolment, long expectedRevision) {
        return put(enrolment, "#r = :expected", Map.of("#r", REVISION),
                Map.of(":expected", fromN(String.valueOf(expectedRevision))));
    }

    @Override
    public void delete(String journeyId, String contactId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(journeyId, contactId)));
    }

    @Override
    public void deleteJourney(String journeyId) {
        DynamoJourneyStore.deletePartition(dynamo, table, partition(journeyId), CONTACT_PREFIX);
    }

    private boolean put(JourneyEnrolment enrolment, String condition, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        var item = new HashMap<>(key(enrolment.journeyId(), enrolment.contactId()));
        item.put(JSON, fromS(FlowlineJson.write(enrolment)));
        item.put(REVISION, fromN(String.valueOf(enrolment.revision())));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Map<String, AttributeValue> key(String journeyId, String contactId) {
        return Map.of(PK, fromS(partition(journeyId)), SK, fromS(CONTACT_PREFIX + contactId));
    }

    private String partition(String journeyId) {
        return DynamoJourneyStore.partition(account, journeyId);
    }

    private static JourneyEnrolment enrolmentOf(Map<String, AttributeValue> item) {
        return FlowlineJson.read(item.get(JSON).s(), JourneyEnrolment.class);
    }
}
