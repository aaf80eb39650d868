package dev.flowline.aws.crm;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.engine.Page;
import dev.flowline.engine.action.InAppNotification;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.Notification;
import dev.flowline.engine.action.Notifier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Each user's in-app notifications in the {@code crm} table, under {@code <account>#NOTIF#<user id>}: an
 * {@code AT#<notification id>} item per notification (ids sort by time, so a query backwards reads the newest
 * first) and a {@code KEY#<idempotency key>} item that makes a notification sent again a no-op: both are written in
 * one transaction, whose condition is that the key item is new.
 * <p>
 * With a mailer for copies, each notification also goes by email to its users' addresses, as an internal email
 * ({@code FLOWLINE_NOTIFICATION_EMAIL_COPY}).
 */
public final class DynamoNotifier implements Notifier {

    /** The AWS calls it makes: inboxes: a notification and its idempotency item in one transaction, reads and marks. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");

    private static final String AT = "AT#";
    private static final String KEY = "KEY#";
    private static final String PK = DynamoOwnerDirectory.PK;
    private static final String SK = DynamoOwnerDirectory.SK;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;
    private final Optional<Mailer> copies;

    /** @param copies where email copies go; empty: none are sent */
    public DynamoNotifier(DynamoDbClient dynamo, FlowlineTables tables, Account account, Optional<Mailer> copies) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.account = account;
        this.copies = copies;
    }

    @Override
    public void notify(InAppNotification notification) {
        String id = Notifier.idOf(notification);
        for (String userId : notification.userIds()) {
            store(userId, id, notification);
        }
        copies.filter(mailer -> !notification.emails().isEmpty()).ifPresent(mailer -> mailer.sendInternalEmail(
                new InternalEmail(notification.idempotencyKey() + "#email", notification.flowId(),
                        notification.contactId(), notification.emails(), notification.subject(),
                        notification.body())));
    }

    private void store(String userId, String id, InAppNotification notification) {
        String pk = inboxOf(userId);
        var item = new HashMap<String, AttributeValue>();
        item.put(PK, fromS(pk));
        item.put(SK, fromS(AT + id));
        item.put("flowId", fromS(notification.flowId()));
        item.put("contactId", fromS(notification.contactId()));
        item.put("subject", fromS(notification.subject()));
        item.put("body", fromS(notification.body()));
        item.put("createdAt", fromS(notification.sentAt().toString()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(put -> put.tableName(table)
                            .item(Map.of(PK, fromS(pk), SK, fromS(KEY + notification.idempotencyKey()),
                                    "notificationId", fromS(id)))
                            .conditionExpression("attribute_not_exists(#sk)")
                            .expressionAttributeNames(Map.of("#sk", SK))).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build()));
        } catch (TransactionCanceledException sentBefore) {
            if (sentBefore.cancellationReasons().stream().noneMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                throw sentBefore;
            }
        }
    }

    @Override
    public Page<Notification> inbox(String userId, String after, int limit) {
        String pk = inboxOf(userId);
        QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true).scanIndexForward(false)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :at)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", fromS(pk), ":at", fromS(AT)))
                .exclusiveStartKey(after == null ? null : Map.of(PK, fromS(pk), SK, fromS(AT + after)))
                .limit(limit));
        var notes = page.items().stream().map(item -> notification(userId, item)).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new Page<>(notes, more && !notes.isEmpty() ? Optional.of(notes.getLast().id()) : Optional.empty());
    }

    @Override
    public boolean markRead(String userId, String notificationId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(PK, fromS(inboxOf(userId)), SK, fromS(AT + notificationId)))
                    .updateExpression("SET #readAt = if_not_exists(#readAt, :at)")
                    .conditionExpression("attribute_exists(#sk)")
                    .expressionAttributeNames(Map.of("#readAt", "readAt", "#sk", SK))
                    .expressionAttributeValues(Map.of(":at", fromS(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException none) {
            return false;
        }
    }

    private String inboxOf(String userId) {
        return account.key("NOTIF#" + userId);
    }

    private static Notification notification(String userId, Map<String, AttributeValue> item) {
        return new Notification(item.get(SK).s().substring(AT.length()), userId, item.get("flowId").s(),
                item.get("contactId").s(), item.get("subject").s(), item.get("body").s(),
                Instant.parse(item.get("createdAt").s()),
                item.containsKey("readAt") ? Instant.parse(item.get("readAt").s()) : null);
    }
}
