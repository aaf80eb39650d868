package dev.flowline.aws.ses;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.email.EmailMessage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tags each marketing email carries, which the configuration set's events are traced back by. Against a client
 * that keeps the requests: moto's SES v2 does not keep a message's tags.
 */
class SesMailerTagsTest {

    private final List<SendEmailRequest> sent = new ArrayList<>();
    private final SesV2Client ses = new SesV2Client() {
        @Override
        public SendEmailResponse sendEmail(SendEmailRequest request) {
            sent.add(request);
            return SendEmailResponse.builder().messageId("m" + sent.size()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    };

    private void send(String contentId) {
        new SesMailer(() -> ses, new SesMailer.Config("flows@example.com", null, new Account("beta")))
                .sendMarketingEmail(new MarketingEmail("f:c:1#1", "f", "c", "ada@example.com", contentId,
                        new EmailMessage("Hi", null, "Hello")));
    }

    @Test
    void theEmailIsTaggedWithItsAccountAndItsContentId() {
        send("welcome");

        assertThat(sent.getFirst().emailTags()).extracting(tag -> tag.name() + "=" + tag.value())
                .containsExactly(SesEmailEvents.ACCOUNT_TAG + "=beta", "hs_email_id=welcome");
    }

    @Test
    void aContentIdSesCannotTagIsLeftOutRatherThanFailingTheSend() {
        send("spring sale!");

        assertThat(sent.getFirst().emailTags()).extracting(tag -> tag.name() + "=" + tag.value())
                .containsExactly(SesEmailEvents.ACCOUNT_TAG + "=beta");
    }
}
