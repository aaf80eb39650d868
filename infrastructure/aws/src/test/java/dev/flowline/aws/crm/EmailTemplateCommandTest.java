package dev.flowline.aws.crm;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.DynamoContactStore;
import dev.flowline.aws.dynamodb.DynamoCrmObjectStore;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.dynamodb.LocalDynamoDb;
import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(LocalDynamoDb.class)
class EmailTemplateCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path files;

    private static EmailTemplateCommand.Stores stores(DynamoDbClient dynamo, FlowlineTables tables, String account) {
        var of = new Account(account);
        return new EmailTemplateCommand.Stores(new DynamoEmailTemplates(dynamo, tables, of),
                new DynamoContactStore(dynamo, tables, of), new DynamoOwnerDirectory(dynamo, tables, of),
                new DynamoCrmObjectStore(dynamo, tables, of));
    }

    private static List<String> run(EmailTemplateCommand.Stores stores, String... args) {
        return EmailTemplateCommand.run(stores, CLOCK, List.of(args));
    }

    @Test
    void operatorsPutListAndPreviewAnAccountsTemplates(DynamoDbClient dynamo, FlowlineTables tables)
            throws IOException {
        var acme = stores(dynamo, tables, "acme");
        Path html = Files.writeString(files.resolve("welcome.html"), "<p>Dear {{ contact.firstname }}</p>");
        var ada = new Contact("501");
        ada.setProperty("email", "ada@example.com", CLOCK.instant());
        ada.setProperty("firstname", "Ada", CLOCK.instant());
        acme.contacts().create(ada);

        assertThat(run(acme, "put", "acme", "4711", "Welcome, {{ contact.firstname }}", "html=" + html))
                .containsExactly("template 4711 saved");
        assertThat(run(acme, "list", "acme")).containsExactly(
                "4711\tWelcome, {{ contact.firstname }}\tupdated 2026-12-01T09:00:00Z");
        assertThat(run(acme, "preview", "acme", "4711", "501")).containsExactly("content id: 4711",
                "subject: Welcome, Ada", "", "html:", "<p>Dear Ada</p>");
        assertThat(run(stores(dynamo, tables, "other"), "list", "other")).isEmpty();
        assertThat(run(acme, "delete", "acme", "4711")).containsExactly("template 4711 deleted");
        assertThat(run(acme, "list", "acme")).isEmpty();
    }

    @Test
    void aTemplateWithoutBodyOrATemplateNotThereIsAOneLineError(DynamoDbClient dynamo, FlowlineTables tables) {
        var acme = stores(dynamo, tables, "acme");

        assertThatIllegalArgumentException().isThrownBy(() -> run(acme, "put", "acme", "4711", "Hi"))
                .withMessage("html: an email needs an html or a text body, or both");
        assertThatIllegalArgumentException().isThrownBy(() -> run(acme, "get", "acme", "4711"))
                .withMessage("there is no template 4711");
        assertThatIllegalArgumentException().isThrownBy(() -> run(acme, "put", "acme", "4711", "Hi", "text=/no/such"))
                .withMessage("there is no file /no/such");
    }
}
