package dev.flowline.aws.sms;

import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.MessageType;

import java.util.Map;
import java.util.function.Supplier;

/**
 * SMS through AWS End User Messaging SMS ({@code SendTextMessage}), as transactional messages from the configured
 * origination identity (a phone number, sender id, pool or their ARN; none: the service picks one of the account's),
 * with the configured configuration set, if any. Each message carries its account and idempotency key in its
 * context, which the service copies into every delivery event: {@link SmsDeliveryEvents} reads the account from
 * there, and the status is then found in {@link SmsDeliveries}. Sending once per idempotency key is the engine's
 * ledger's work.
 */
public final class EndUserMessagingSms implements SmsSender {

    /** The AWS calls it makes: sending. */
    public static final Permissions PERMISSIONS = Permissions.on("sms-voice:*", "sms-voice:SendTextMessage");

    static final String ACCOUNT_CONTEXT = "flowline-account";
    static final String IDEMPOTENCY_CONTEXT = "flowline-idempotency-key";

    /**
     * @param originationIdentity {@code FLOWLINE_SMS_ORIGINATION_IDENTITY}, may be null
     * @param configurationSet    {@code FLOWLINE_SMS_CONFIGURATION_SET}, may be null
     */
    public record Config(String originationIdentity, String configurationSet) {
    }

    private final Supplier<PinpointSmsVoiceV2Client> sms;
    private final Config config;
    private final Account account;
    private final SmsDeliveries deliveries;

    public EndUserMessagingSms(Supplier<PinpointSmsVoiceV2Client> sms, Config config, Account account,
                               SmsDeliveries deliveries) {
        this.sms = sms;
        this.config = config;
        this.account = account;
        this.deliveries = deliveries;
    }

    @Override
    public String send(SmsMessage message) {
        return sms.get().sendTextMessage(request -> request
                .destinationPhoneNumber(message.phoneNumber())
                .messageBody(message.body())
                .messageType(MessageType.TRANSACTIONAL)
                .originationIdentity(config.originationIdentity())
                .configurationSetName(config.configurationSet())
                .context(Map.of(ACCOUNT_CONTEXT, account.id(), IDEMPOTENCY_CONTEXT, message.idempotencyKey())))
                .messageId();
    }

    @Override
    public SmsStatus status(String messageId) {
        return deliveries.status(account, messageId);
    }
}
