package dev.flowline.aws.sms;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.engine.action.SmsStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * The delivery status of each SMS sent, by message id, in the crm table ({@code <account>#SMS#MESSAGE#<id>}): what
 * the final delivery event of End User Messaging SMS said. A message without an item is still pending.
 */
public final class SmsDeliveries {

    /** The AWS calls it makes: the final status of each SMS. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:GetItem", "dynamodb:PutItem");

    private static final String SORT_KEY = "status";

    private final DynamoDbClient dynamo;
    private final String table;

    public SmsDeliveries(DynamoDbClient dynamo, FlowlineTables tables) {
        this.dynamo = dynamo;
        this.table = tables.crm();
    }

    /** Records the final status of the account's message. */
    public void record(Account account, String messageId, SmsStatus status, Instant at) {
        if (status == SmsStatus.PENDING) {
            throw new IllegalArgumentException("only a final status is recorded: " + messageId);
        }
        dynamo.putItem(put -> put.tableName(table)
                .item(Map.of("pk", key(account, messageId), "sk", AttributeValue.fromS(SORT_KEY),
                        "status", AttributeValue.fromS(status.name()), "updatedAt", AttributeValue.fromS(at.toString()))));
    }

    /** The last status recorded for the account's message; pending when none was. */
    public SmsStatus status(Account account, String messageId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("pk", key(account, messageId), "sk", AttributeValue.fromS(SORT_KEY)))).item();
        return item == null || !item.containsKey("status") ? SmsStatus.PENDING
                : SmsStatus.valueOf(item.get("status").s());
    }

    private static AttributeValue key(Account account, String messageId) {
        return AttributeValue.fromS(account.key("SMS#MESSAGE#" + messageId));
    }
}
