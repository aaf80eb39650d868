package dev.flowline.local;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.email.EmailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboxMailerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    private static final Account DEV = new Account("dev");

    @TempDir
    Path outbox;

    @Test
    void anEmailIsWrittenOncePerIdempotencyKeyAsAnRfc822Message() throws IOException {
        var mailer = new OutboxMailer(outbox, "flows@example.com", CLOCK, () -> DEV);
        var email = new MarketingEmail("enrolment-1#2", "nurture", "ada", "ada@example.com", "welcome",
                new EmailMessage("Marketing email welcome", "<p>Dear Ada &amp; co</p>", "Dear Ada & co"));

        mailer.sendMarketingEmail(email);
        mailer.sendMarketingEmail(email);

        try (var files = Files.list(outbox.resolve("dev"))) {
            assertThat(files.toList()).singleElement().satisfies(file -> assertThat(Files.readString(file))
                    .startsWith("From: flows@example.com\r\nTo: ada@example.com\r\nSubject: Marketing email welcome\r\n"
                            + "Date: Mon, 23 Nov 2026 10:15:00 GMT\r\nX-Flowline-Idempotency-Key: enrolment-1#2\r\n")
                    .contains("Content-Type: multipart/alternative; boundary=\"flowline-alternative\"\r\n")
                    .contains("Content-Type: text/plain; charset=UTF-8\r\n\r\nDear Ada & co\r\n--flowline-alternative\r\n")
                    .contains("Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Dear Ada &amp; co</p>\r\n"
                            + "--flowline-alternative--\r\n"));
        }
    }

    @Test
    void anInternalEmailGoesToItsAddressesWithItsTextPart() throws IOException {
        var mailer = new OutboxMailer(outbox, "flows@example.com", CLOCK, () -> DEV);

        mailer.sendInternalEmail(new InternalEmail("enrolment-1#1", "nurture", "ada", List.of("ops@example.com"),
                "New\nlead", "<p>A new lead</p>"));

        try (var files = Files.list(outbox.resolve("dev"))) {
            assertThat(Files.readString(files.findFirst().orElseThrow()))
                    .contains("To: ops@example.com\r\n", "Subject: New lead\r\n", "\r\n\r\nA new lead\r\n");
        }
    }

    @Test
    void eachAccountsEmailsGoToItsOwnFolderAndTheSameKeyOfTwoAccountsIsTwoEmails() throws IOException {
        var account = new Account[]{DEV};
        var mailer = new OutboxMailer(outbox, "flows@example.com", CLOCK, () -> account[0]);
        var email = new MarketingEmail("nurture:ada:1#2", "nurture", "ada", "ada@example.com", "welcome",
                new EmailMessage("Marketing email welcome", null, "Welcome"));

        mailer.sendMarketingEmail(email);
        account[0] = new Account("acme");
        mailer.sendMarketingEmail(email);

        assertThat(outbox.resolve("dev").resolve(OutboxMailer.fileName("nurture:ada:1#2"))).exists();
        assertThat(outbox.resolve("acme").resolve(OutboxMailer.fileName("nurture:ada:1#2"))).exists();
        assertThat(mailer.repeatedKeys()).isZero();
    }

    @Test
    void anEmailOfNoAccountIsRefusedNotWrittenWhereAnAccountWouldSeeIt() {
        var mailer = new OutboxMailer(outbox, "flows@example.com", CLOCK, () -> null);

        assertThatIllegalStateException().isThrownBy(() -> mailer.sendMarketingEmail(new MarketingEmail("k1",
                "nurture", "ada", "ada@example.com", "welcome",
                new EmailMessage("Marketing email welcome", null, "Welcome"))));
        assertThat(outbox).isEmptyDirectory();
    }
}
