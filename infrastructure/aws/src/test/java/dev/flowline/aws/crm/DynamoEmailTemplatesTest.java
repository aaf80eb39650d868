package dev.flowline.aws.crm;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.dynamodb.LocalDynamoDb;
import dev.flowline.engine.email.EmailTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Email templates on DynamoDB Local: stored whole, paged in content id order, deleted, kept per account. */
@ExtendWith(LocalDynamoDb.class)
class DynamoEmailTemplatesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static EmailTemplate template(String contentId, String html, String text) {
        return new EmailTemplate(contentId, "Hello {{ contact.firstname }}", html, text, T0, T0.plusSeconds(1));
    }

    @Test
    void templatesAreStoredPagedAndDeleted(DynamoDbClient dynamo, FlowlineTables tables) {
        var templates = new DynamoEmailTemplates(dynamo, tables, new Account("acme"));
        for (String id : new String[]{"3", "1", "2"}) {
            templates.put(template(id, "<p>" + id + "</p>", null));
        }
        templates.put(template("2", null, "two"));

        assertThat(templates.template("2")).contains(template("2", null, "two"));
        assertThat(templates.template("1")).contains(template("1", "<p>1</p>", null));
        var first = templates.templates(null, 2);
        assertThat(first.items()).extracting(EmailTemplate::contentId).containsExactly("1", "2");
        var second = templates.templates(first.next().orElseThrow(), 2);
        assertThat(second.items()).extracting(EmailTemplate::contentId).containsExactly("3");
        assertThat(second.next()).isEmpty();

        assertThat(templates.delete("1")).isTrue();
        assertThat(templates.delete("1")).isFalse();
        assertThat(templates.template("1")).isEmpty();
    }

    @Test
    void anAccountSeesOnlyItsOwnTemplates(DynamoDbClient dynamo, FlowlineTables tables) {
        var acme = new DynamoEmailTemplates(dynamo, tables, new Account("acme"));
        var other = new DynamoEmailTemplates(dynamo, tables, new Account("acme-eu"));
        acme.put(template("welcome", null, "acme's"));

        assertThat(other.template("welcome")).isEmpty();
        assertThat(other.templates(null, 10).items()).isEmpty();
        assertThat(other.delete("welcome")).isFalse();
        assertThat(acme.template("welcome")).isPresent();
    }
}
