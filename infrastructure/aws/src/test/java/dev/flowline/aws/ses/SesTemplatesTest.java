package dev.flowline.aws.ses;

import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.MarketingEmail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SES template each account's marketing email names. Against a client that keeps the requests: moto's SES v2
 * does not send templated email (it answers "not implemented"), and the template name is what the request carries.
 */
class SesTemplatesTest {

    private static final Account ACME = new Account("acme");
    private static final Account BETA = new Account("beta");

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

    private SesMailer mailer(Account account) {
        return new SesMailer(() -> ses, new SesMailer.Config("flows@example.com", null, account));
    }

    private static MarketingEmail email(String contentId) {
        return new MarketingEmail("f:c:1#1", "f", "c", "ada@example.com", contentId, Map.of("firstname", "Ada"));
    }

    private List<String> templatesSent() {
        return sent.stream().map(request -> request.content().template().templateName()).toList();
    }

    @Test
    void accountBsMarketingEmailCannotUseAccountAsTemplate() {
        mailer(ACME).sendMarketingEmail(email("welcome"));
        // B's content ids: A's, and A's template name written out in full
        for (String contentId : List.of("welcome", "flowline-acme_welcome", "acme_welcome", "../acme_welcome")) {
            mailer(BETA).sendMarketingEmail(email(contentId));
        }

        assertThat(templatesSent()).containsExactly("flowline-acme_welcome", "flowline-beta_welcome",
                "flowline-beta_flowline-acme_welcome", "flowline-beta_acme_welcome", "flowline-beta_../acme_welcome");
        assertThat(sent).allSatisfy(request -> assertThat(request.content().template().templateData())
                .isEqualTo("{\"firstname\":\"Ada\"}"));
    }

    @Test
    void anAccountWhoseIdBeginsWithAnothersCannotReachItsTemplatesEither() {
        // a's "b-c" and "b_c" against a-b's "c", a-b_c's impossible id, and so on: no two pairs share a template
        List<Account> accounts = List.of(new Account("a"), new Account("a-b"), new Account("a-b-c"),
                new Account("ab"), new Account("a1"));
        List<String> contentIds = List.of("c", "b-c", "b_c", "_c", "-c", "b", "1", "b-c_d", "c_d");
        Map<String, String> owners = new HashMap<>();
        for (Account account : accounts) {
            for (String contentId : contentIds) {
                String owner = account + " " + contentId;
                assertThat(owners.putIfAbsent(SesMailer.templateName(account, contentId), owner))
                        .as(owner).isNull();
            }
        }
    }

    @Test
    void theEmailIsStillTaggedWithItsAccountAndItsOwnContentId() {
        mailer(BETA).sendMarketingEmail(email("welcome"));

        assertThat(sent.getFirst().emailTags()).extracting(tag -> tag.name() + "=" + tag.value())
                .containsExactly(SesEmailEvents.ACCOUNT_TAG + "=beta", "hs_email_id=welcome");
    }
}
