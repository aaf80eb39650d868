package dev.flowline.aws.sms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.action.SmsStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * End User Messaging SMS's delivery events, as it puts them on the default EventBridge bus (source
 * {@code aws.sms-voice}, detail-type {@value #DETAIL_TYPE}): the final ones of messages Flowline sent (their context
 * names the account) become a delivery status. {@code SUCCESSFUL} (accepted by the carrier, where carriers report no
 * more) and {@code DELIVERED} are delivered; any other final status (blocked, invalid, unreachable, expired, and
 * {@code UNKNOWN} when no carrier answered within 72 hours) failed.
 */
public final class SmsDeliveryEvents {

    public static final String SOURCE = "aws.sms-voice";
    public static final String DETAIL_TYPE = "Text Message Delivery Status Updated";
    private static final Set<String> DELIVERED = Set.of("SUCCESSFUL", "DELIVERED");

    /** A final status of one of the account's messages. */
    public record Delivery(Account account, String messageId, SmsStatus status, Instant at) {
    }

    private SmsDeliveryEvents() {
    }

    /** Whether the bus event is an SMS delivery event, of any message. */
    public static boolean isDeliveryEvent(JsonNode event) {
        return SOURCE.equals(event.path("source").asText()) && DETAIL_TYPE.equals(event.path("detail-type").asText());
    }

    /** The final status the event tells of a message Flowline sent; empty for an interim event or another's message. */
    public static Optional<Delivery> of(JsonNode event) {
        JsonNode detail = event.path("detail");
        String account = detail.path("context").path(EndUserMessagingSms.ACCOUNT_CONTEXT).asText("");
        String messageId = detail.path("messageId").asText("");
        if (!detail.path("isFinal").asBoolean(false) || account.isEmpty() || messageId.isEmpty()) {
            return Optional.empty();
        }
        SmsStatus status = DELIVERED.contains(detail.path("messageStatus").asText()) ? SmsStatus.DELIVERED
                : SmsStatus.FAILED;
        Instant at = detail.hasNonNull("eventTimestamp") ? Instant.ofEpochMilli(detail.get("eventTimestamp").asLong())
                : Instant.parse(event.path("time").asText());
        return Optional.of(new Delivery(new Account(account), messageId, status, at));
    }
}
