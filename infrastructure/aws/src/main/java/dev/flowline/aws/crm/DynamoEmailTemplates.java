package dev.flowline.aws.crm;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.Page;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.email.EmailTemplates;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * An account's marketing email templates in the {@code crm} table, under {@code <account>#EMAIL_TEMPLATE} sorted by
 * content id: one item each, read by key when an email is sent, listed a page per query.
 */
public final class DynamoEmailTemplates implements EmailTemplates {

    /** The AWS calls it makes: templates read, listed, written and deleted. */
    public static final Permissions PERMISSIONS = Permissions.on("CrmTable", "dynamodb:GetItem", "dynamodb:PutItem",
            "dynamodb:Query", "dynamodb:DeleteItem");

    private static final String PK = "pk";
    private static final String SK = "sk";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String key;

    public DynamoEmailTemplates(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.crm();
        this.key = account.key("EMAIL_TEMPLATE");
    }

    @Override
    public Optional<EmailTemplate> template(String contentId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(contentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(template(item));
    }

    @Override
    public Page<EmailTemplate> templates(String after, int limit) {
        // one more than the page, to know whether another page follows
        var response = dynamo.query(b -> b.tableName(table).consistentRead(true).limit(limit + 1)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", fromS(key)))
                .exclusiveStartKey(after == null ? null : key(after)));
        var templates = response.items().stream().map(DynamoEmailTemplates::template).toList();
        return templates.size() <= limit ? new Page<>(templates, Optional.empty())
                : new Page<>(templates.subList(0, limit), Optional.of(templates.get(limit - 1).contentId()));
    }

    @Override
    public void put(EmailTemplate template) {
        var item = new HashMap<>(key(template.contentId()));
        item.put("subject", fromS(template.subject()));
        item.put("createdAt", fromS(template.createdAt().toString()));
        item.put("updatedAt", fromS(template.updatedAt().toString()));
        if (template.html() != null) {
            item.put("html", fromS(template.html()));
        }
        if (template.text() != null) {
            item.put("text", fromS(template.text()));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean delete(String contentId) {
        var old = dynamo.deleteItem(b -> b.tableName(table).key(key(contentId)).returnValues(ReturnValue.ALL_OLD));
        return old.hasAttributes() && !old.attributes().isEmpty();
    }

    private Map<String, AttributeValue> key(String contentId) {
        return Map.of(PK, fromS(key), SK, fromS(contentId));
    }

    private static EmailTemplate template(Map<String, AttributeValue> item) {
        return new EmailTemplate(item.get(SK).s(), item.get("subject").s(), text(item, "html"), text(item, "text"),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }
}
