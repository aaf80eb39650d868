package dev.flowline.engine.action;

import dev.flowline.engine.definition.SingleConnectionAction;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Send internal SMS to a number ({@code phone_number}, tokens allowed) with {@code body}. As HubSpot's KB describes
 * it: at most 1,000 per account per calendar month (in the account's time zone); once sent, the contact waits at the
 * action while the delivery status is polled, until it is delivered (succeeded) or failed, or 72 hours have passed,
 * and then goes on. Over the monthly limit, the contact waits at the action until the next month's first minute.
 * <p>
 * HubSpot's sources dispute the id {@code 0-25}: some flows use it with {@code source_property} /
 * {@code target_property} fields, another action. A {@code 0-25} with none of the SMS fields ({@code body},
 * {@code phone_number}, {@code user_ids}) is that other shape, and skipped. Users ({@code user_ids}) have no phone
 * numbers in Flowline's directory, so an SMS to users fails with that reason and sends nothing.
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
    static final List<String> SMS_FIELDS = List.of("body", "phone_number", "user_ids");

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
        if (action.fields() == null || SMS_FIELDS.stream().noneMatch(action.fields()::has)) {
            return Results.skipped(action, "action 0-25 with fields " + fieldNames(action)
                    + " is not an SMS (it has none of body, phone_number, user_ids): not run by Flowline");
        }
        if (!Fields.list(action.fields(), "user_ids").isEmpty()) {
            return Results.failed(action, "an SMS to users (user_ids) needs their phone numbers, which Flowline's "
                    + "user directory does not have: give phone_number instead");
        }
        String phone = context.fill(Fields.text(action.fields(), "phone_number")).trim();
        String body = context.fill(Fields.text(action.fields(), "body"));
        if (phone.isEmpty() || body.isBlank()) {
            return Results.failed(action, "the SMS needs a phone number and a text");
        }
        ZonedDateTime now = context.now().atZone(context.timeZone());
        if (!quota.reserve(YearMonth.from(now), MONTHLY_LIMIT, context.idempotencyKey())) {
            Instant nextMonth = YearMonth.from(now).plusMonths(1).atDay(1).atStartOfDay(context.timeZone()).toInstant();
            return new StepResult.Retry(nextMonth, "monthly SMS limit reached: waiting until " + nextMonth
                    + ", when next month's SMS may be sent");
        }
        String messageId = sender.send(new SmsMessage(context.idempotencyKey(), context.flow().id(),
                context.contact().id(), phone, body));
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

    private static String fieldNames(SingleConnectionAction action) {
        var names = new TreeSet<String>();
        if (action.fields() != null) {
            action.fields().fieldNames().forEachRemaining(names::add);
        }
        return names.toString();
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
