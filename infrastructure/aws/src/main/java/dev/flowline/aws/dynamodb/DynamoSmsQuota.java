package dev.flowline.aws.dynamodb;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.SmsQuota;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's SMS per calendar month, in the crm table: a counter per month ({@code <account>#SMS#MONTH#<yyyy-MM>})
 * and a reservation per idempotency key ({@code <account>#SMS#RESERVATION#<key>}), written together in one
 * transaction, so concurrent senders never count past the limit and a key is counted once.
 */
public final class DynamoSmsQuota implements SmsQuota {

    /** The AWS calls it makes: the month's counter and each reservation, in one transaction. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:PutItem", "dynamodb:UpdateItem");

    private static final int RESERVATION = 0;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoSmsQuota(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.account = account;
    }

    @Override
    public boolean reserve(YearMonth month, int limit, String idempotencyKey) {
        var reservation = TransactWriteItem.builder().put(put -> put.tableName(table)
                .item(Map.of("pk", s(account.key("SMS#RESERVATION#" + idempotencyKey)), "sk", s("reservation"),
                        "month", s(month.toString())))
                .conditionExpression("attribute_not_exists(pk)")).build();
        var counter = TransactWriteItem.builder().update(update -> update.tableName(table)
                .key(Map.of("pk", s(account.key("SMS#MONTH#" + month)), "sk", s("count")))
                .updateExpression("ADD #sent :one")
                .conditionExpression("attribute_not_exists(#sent) OR #sent < :limit")
                .expressionAttributeNames(Map.of("#sent", "sent"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":limit", AttributeValue.fromN(String.valueOf(limit))))).build();
        Set<Integer> failed = Transactions.write(dynamo, List.of(reservation, counter));
        // a key counted before is still counted, whatever the month's count is now
        return failed.isEmpty() || failed.contains(RESERVATION);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
