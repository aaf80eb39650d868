package dev.flowline.aws.ses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.emulator.Moto;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.idempotency.IdempotentEffects;
import dev.flowline.engine.simulation.InMemoryLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Internal email through moto's SES v2. (moto does not send templated email, so marketing email is not here; and
 * LocalStack's free image has no SES v2, so this runs on moto only.)
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
        mailer = IdempotentEffects.mailer(new InMemoryLedger(), new SesMailer(ses, email -> List.of("owner@example.com"),
                new SesMailer.Config(FROM, null, new Account("acme"))));
    }

    @AfterEach
    void closeClient() {
        ses.close();
    }

    @Test
    void anInternalEmailIsSentAsItComesFromTheConfiguredAddress() {
        verifySender();

        mailer.sendInternalEmail(notification("f:c:1#2"));

        assertThat(sentMail()).singleElement().satisfies(mail -> {
            assertThat(mail.path("source").asText()).isEqualTo(FROM);
            assertThat(mail.path("destinations").path("ToAddresses").get(0).asText()).isEqualTo("owner@example.com");
            assertThat(mail.path("subject").asText()).isEqualTo("New lead: Ada");
            assertThat(mail.path("body").asText()).isEqualTo("Ada filled in the demo form.");
        });
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

    @Test
    void anInternalEmailWithoutRecipientAddressesIsNotSent() {
        verifySender();
        var nobody = new SesMailer(ses, email -> List.of(), new SesMailer.Config(FROM, null, new Account("acme")));

        nobody.sendInternalEmail(notification("f:c:1#2"));

        assertThat(sentMail()).isEmpty();
    }

    private void verifySender() {
        ses.createEmailIdentity(i -> i.emailIdentity(FROM));
    }

    private static InternalEmail notification(String idempotencyKey) {
        return new InternalEmail(idempotencyKey, "f", "c", List.of("7"), List.of(), List.of(), "New lead: Ada",
                "Ada filled in the demo form.");
    }

    /** The simple messages moto's SES has sent. */
    private List<JsonNode> sentMail() {
        var sent = new ArrayList<JsonNode>();
        moto.data().path("ses").path("Message").forEach(sent::add);
        return sent;
    }
}
