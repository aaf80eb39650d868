package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Send internal SMS, to users ({@code user_ids}) and/or a number ({@code phone_number}, tokens allowed),
 * with {@code body}. As HubSpot's KB describes it: at most 1,000 per account per calendar month (in the
 * account's time zone); once sent, the contact waits at the action while the delivery status is polled,
 * until it is delivered (succeeded) or failed, or 72 hours have passed, and then goes on.
 */
final class SmsAction implements ActionHandler<SingleConnectionAction> {

    /** HubSpot's id for this action is not known for sure (reference 3.2: 0-25 is disputed). */
    static final int MONTHLY_LIMIT = 1_000;
    static final Duration DELIVERY_WAIT = Duration.ofHours(72);
    static final Backoff POLLING = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1));
    static final String MESSAGE_ID = "sms_message_id";
    static final String SENT_AT = "sms_sent_at";
    static final String POLLS = "sms_polls";
    static final String STATUS = "sms_status";

    private final SmsSender sender;
    private final SmsQuota quota;

    SmsAction(SmsSender sender, SmsQuota quota) {
        this.sender = sender;
        this.quota = quota;
    }

    @Override
    public StepResult execute(SingleConnectionAction action, ActionContext context) {
        Map<String, String> state = context.enrolment().outputs().getOrDefault(action.actionId(), Map.of());
        return state.containsKey(MESSAGE_ID) ? poll(action, context, state) : send(action, context);
    }

    private StepResult send(SingleConnectionAction action, ActionContext context) {
        List<String> users = Fields.list(action.fields(), "user_ids");
        String phone = context.fill(Fields.text(action.fields(), "phone_number")).trim();
        String body = context.fill(Fields.text(action.fields(), "body"));
        if ((users.isEmpty() && phone.isEmpty()) || body.isBlank()) {
            return Results.failed(action, "the SMS needs a recipient and a text");
        }
        if (!quota.reserve(YearMonth.from(context.now().atZone(context.timeZone())), MONTHLY_LIMIT,
                context.idempotencyKey())) {
            return Results.failed(action, "monthly SMS limit reached");
        }
        String messageId = sender.send(new SmsMessage(context.idempotencyKey(), context.flow().id(),
                context.contact().id(), users, phone, body));
        return pending(context, "action initiated: SMS sent, waiting for its delivery", messageId, context.now(), 1);
    }

    private StepResult poll(SingleConnectionAction action, ActionContext context, Map<String, String> state) {
        String messageId = state.get(MESSAGE_ID);
        Instant sentAt = Instant.parse(state.get(SENT_AT));
        int polls = Integer.parseInt(state.getOrDefault(POLLS, "1"));
        SmsStatus status = sender.status(messageId);
        return switch (status) {
            case DELIVERED -> end(action, StepResult.Outcome.succeeded("SMS notification sent"), status);
            case FAILED -> end(action, StepResult.Outcome.failed("unable to send because a fatal error occurred"), status);
            case PENDING -> context.now().isBefore(sentAt.plus(DELIVERY_WAIT))
                    ? pending(context, "SMS delivery still pending", messageId, sentAt, polls + 1)
                    : end(action, StepResult.Outcome.failed("no delivery status for the SMS after 72 hours: moved on"), status);
        };
    }

    /** Polls again after a growing wait, but no later than the end of the 72 hours. */
    private static StepResult pending(ActionContext context, String detail, String messageId, Instant sentAt, int polls) {
        Instant next = context.now().plus(POLLING.after(polls));
        Instant deadline = sentAt.plus(DELIVERY_WAIT);
        return new StepResult.Retry(next.isAfter(deadline) ? deadline : next, detail,
                Map.of(MESSAGE_ID, messageId, SENT_AT, sentAt.toString(), POLLS, String.valueOf(polls)));
    }

    private static StepResult end(SingleConnectionAction action, StepResult.Outcome outcome, SmsStatus status) {
        return new StepResult.Next(Branches.next(action.connection()), null, outcome, Map.of(STATUS, status.name()));
    }
}
