package dev.flowline.aws.ses;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.email.EmailMessage;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import dev.flowline.engine.contact.StandardEvents;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.function.Supplier;

/**
 * Sends email through SES v2, as it comes: filled in for its contact by the engine from the account's template
 * (a marketing email) or already personalised and addressed (an internal email, as HTML with a text part). Each message is tagged with the account and, for a marketing email, its id, so the
 * configuration set's events ({@link SesEmailEvents}) find their way back to the contact's account and to the
 * email filters.
 * The engine sends each idempotency key once (its idempotency ledger), so this adapter only sends.
 */
public final class SesMailer implements Mailer {

    /** The AWS calls it makes: SES checks the sender's identity and the configuration set (when one is given). */
    public static final Permissions PERMISSIONS = Permissions.on("ses:identity/${MailIdentity}", "ses:SendEmail")
            .and("ses:configuration-set/${SesConfigurationSet}", "ses:SendEmail");

    /**
     * @param configurationSet the SES configuration set that tracks deliveries, opens and clicks; may be null
     * @param account          the account the emails are sent for
     */
    public record Config(String fromAddress, String configurationSet, Account account) {
    }

    /** What SES accepts in a tag value; a content id outside it is not tagged rather than failing the send. */
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final Supplier<SesV2Client> ses;
    private final Config config;

    public SesMailer(Supplier<SesV2Client> ses, Config config) {
        this.ses = ses;
        this.config = config;
    }

    @Override
    public void sendMarketingEmail(MarketingEmail email) {
        var tags = new ArrayList<MessageTag>();
        if (TAG_VALUE.matcher(email.contentId()).matches()) {
            tags.add(tag(StandardEvents.EMAIL_ID, email.contentId()));
        }
        EmailMessage message = email.message();
        send(List.of(email.to()), EmailContent.builder().simple(simple -> simple.subject(utf8(message.subject()))
                .body(body -> body.html(utf8(message.html())).text(utf8(message.text())))).build(), tags);
    }

    /** HTML with a plain text alternative, to the addresses the engine found in the owner directory. */
    @Override
    public void sendInternalEmail(InternalEmail email) {
        send(email.to(), EmailContent.builder()
                .raw(raw -> raw.data(SdkBytes.fromByteArray(AlternativeMessage.of(config.fromAddress(), email))))
                .build(), List.of());
    }

    private void send(List<String> to, EmailContent content, List<MessageTag> tags) {
        ses.get().sendEmail(SendEmailRequest.builder()
                .fromEmailAddress(config.fromAddress())
                .configurationSetName(config.configurationSet())
                .destination(destination -> destination.toAddresses(to))
                .content(content)
                .emailTags(Stream.concat(Stream.of(tag(SesEmailEvents.ACCOUNT_TAG, config.account().id())),
                        tags.stream()).toList())
                .build());
    }

    /** SES content in UTF-8; none for a body the email does not have. */
    private static Content utf8(String data) {
        return data == null ? null : Content.builder().data(data).charset("UTF-8").build();
    }

    private static MessageTag tag(String name, String value) {
        return MessageTag.builder().name(name).value(value).build();
    }
}
