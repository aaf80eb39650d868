package dev.flowline.aws.ses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.emulator.Moto;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.email.EmailMessage;
import dev.flowline.engine.idempotency.IdempotentEffects;
import dev.flowline.engine.simulation.InMemoryLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Email through moto's SES v2: marketing email as the engine filled it in, internal email as HTML with a text part.
 * (LocalStack's free image has no SES v2, so this runs on moto only.)
 */
class SesMailerTest {

    private static final String FROM = "flows@example.com";

    private final Moto moto = Moto.fromEnvironment();
    private SesV2Client ses;
    private Mailer mailer;

    SesMailerTest() {
        moto.assumeAvailable();
    }

    @BeforeEach
    void createMailer() {
        moto.reset();
        ses = moto.clients().sesV2();
        // the SES mailer as the engine runs it: behind the idempotency ledger
        mailer = IdempotentEffects.mailer(new InMemoryLedger(), new SesMailer(() -> ses,
                new SesMailer.Config(FROM, null, new Account("acme"))));
    }

    @AfterEach
    void closeClient() {
        ses.close();
    }

    @Test
    void anInternalEmailIsSentAsHtmlWithATextPartFromTheConfiguredAddress() {
        verifySender();

        mailer.sendInternalEmail(notification("f:c:1#2"));

        assertThat(sentMail()).singleElement().satisfies(mail -> {
            assertThat(mail.path("destinations").toString()).contains("owner@example.com");
            String raw = mail.path("raw_data").asText();
            assertThat(raw).contains("From: " + FROM + "\r\n", "To: owner@example.com\r\n",
                    "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString("New lead: Ada".getBytes(UTF_8)) + "?=",
                    "Content-Type: multipart/alternative");
            assertThat(part(raw, "text/plain")).isEqualTo("Ada filled in the demo form.");
            assertThat(part(raw, "text/html")).isEqualTo("<p>Ada filled in the <b>demo</b> form.</p>");
        });
    }

    @Test
    void aMarketingEmailIsSentWithTheSubjectAndBodiesTheEngineFilledIn() {
        verifySender();

        mailer.sendMarketingEmail(new MarketingEmail("f:c:1#1", "f", "c", "ada@example.com", "welcome",
                new EmailMessage("Welcome, Ada", "<p>Dear Ada</p>", "Dear Ada")));

        var sent = new ArrayList<JsonNode>();
        moto.data().path("ses").path("Message").forEach(sent::add);
        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.path("destinations").toString()).contains("ada@example.com");
            assertThat(mail.path("source").asText()).isEqualTo(FROM);
            assertThat(mail.path("subject").asText()).isEqualTo("Welcome, Ada");
            assertThat(mail.path("body").asText()).isEqualTo("<p>Dear Ada</p>");
        });
    }

    /** The decoded content of the message's part of {@code type}. */
    private static String part(String raw, String type) {
        String afterType = raw.substring(raw.indexOf("Content-Type: " + type));
        String content = afterType.substring(afterType.indexOf("\r\n\r\n") + 4, afterType.indexOf("\r\n--"));
        return new String(Base64.getMimeDecoder().decode(content), UTF_8);
    }

    @Test
    void aRedeliveredStepDoesNotSendItsEmailAgain() {
        verifySender();

        mailer.sendInternalEmail(notification("f:c:1#2"));
        mailer.sendInternalEmail(notification("f:c:1#2"));
        mailer.sendInternalEmail(notification("f:c:1#3"));

        assertThat(sentMail()).hasSize(2);
    }

    @Test
    void aFailedSendGivesItsKeyBackSoTheRetrySends() {
        assertThatThrownBy(() -> mailer.sendInternalEmail(notification("f:c:1#2")))
                .isInstanceOf(SesV2Exception.class);
        verifySender();

        mailer.sendInternalEmail(notification("f:c:1#2"));

        assertThat(sentMail()).hasSize(1);
    }

    private void verifySender() {
        ses.createEmailIdentity(i -> i.emailIdentity(FROM));
    }

    private static InternalEmail notification(String idempotencyKey) {
        return new InternalEmail(idempotencyKey, "f", "c", List.of("owner@example.com"), "New lead: Ada",
                "<p>Ada filled in the <b>demo</b> form.</p>");
    }

    /** The raw messages moto's SES has sent. */
    private List<JsonNode> sentMail() {
        var sent = new ArrayList<JsonNode>();
        moto.data().path("ses").path("RawMessage").forEach(sent::add);
        return sent;
    }
}
