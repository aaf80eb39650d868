package dev.flowline.aws.ses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.StandardEvents;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an SES event (the {@code detail} of what a configuration set's EventBridge destination puts on the bus)
 * into the email activity filters read: Send, Delivery, Open, Click, Bounce and Complaint, with the marketing
 * email id from the message's {@code hs_email_id} tag and the account from its {@value #ACCOUNT_TAG} tag (both set
 * by {@link SesMailer}). Other event types are not recorded.
 */
public final class SesEmailEvents {

    /** The message tag naming the account that sent the email. */
    public static final String ACCOUNT_TAG = "flowline-account";

    /** An email event, the address it happened to, and the account of the sender ("" when untagged). */
    public record EmailEvent(String account, String recipient, ActivityEvent event) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "Send", StandardEvents.EMAIL_SENT,
            "Delivery", StandardEvents.EMAIL_DELIVERED,
            "Open", StandardEvents.EMAIL_OPEN,
            "Click", StandardEvents.EMAIL_CLICK,
            "Bounce", StandardEvents.EMAIL_BOUNCE,
            "Complaint", StandardEvents.EMAIL_SPAM);

    private SesEmailEvents() {
    }

    public static Optional<EmailEvent> of(JsonNode detail) {
        String sesType = detail.path("eventType").asText(detail.path("notificationType").asText());
        String type = TYPES.get(sesType);
        JsonNode mail = detail.path("mail");
        String recipient = mail.path("destination").path(0).asText("");
        if (type == null || recipient.isEmpty()) {
            return Optional.empty();
        }
        // The details of an event sit under its type in lower camel case: "delivery", "open", "click"…
        JsonNode specific = detail.path(Character.toLowerCase(sesType.charAt(0)) + sesType.substring(1));
        String at = specific.path("timestamp").asText(mail.path("timestamp").asText());
        var properties = new HashMap<String, String>();
        String emailId = mail.path("tags").path(StandardEvents.EMAIL_ID).path(0).asText("");
        if (!emailId.isEmpty()) {
            properties.put(StandardEvents.EMAIL_ID, emailId);
        }
        if (specific.hasNonNull("link")) {
            properties.put(StandardEvents.URL, specific.path("link").asText());
        }
        String account = mail.path("tags").path(ACCOUNT_TAG).path(0).asText("");
        return Optional.of(new EmailEvent(account, recipient, new ActivityEvent(type, Instant.parse(at), properties)));
    }
}
