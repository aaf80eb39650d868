package dev.flowline.engine.idempotency;

import dev.flowline.engine.Page;
import dev.flowline.engine.action.CrmRecords;
import dev.flowline.engine.action.InAppNotification;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.action.NewRecord;
import dev.flowline.engine.action.RecordUpdate;
import dev.flowline.engine.action.NewTask;
import dev.flowline.engine.action.Notification;
import dev.flowline.engine.action.Notifier;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.action.WebhookResponse;

import java.time.Instant;

/**
 * The side-effect ports, each made once per idempotency key through the ledger. The engine wraps its ports here
 * once, so an adapter (SES, HTTP, an SMS provider) only makes its call and never has to remember the ledger.
 */
public final class IdempotentEffects {

    private IdempotentEffects() {
    }

    public static Mailer mailer(IdempotencyLedger ledger, Mailer mailer) {
        return new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
                ledger.sendOnce(email.idempotencyKey(), () -> mailer.sendMarketingEmail(email));
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
                ledger.sendOnce(email.idempotencyKey(), () -> mailer.sendInternalEmail(email));
            }
        };
    }

    /**
     * A redelivered call gets the recorded answer back and goes on as the first run did. A call refused before it
     * was made (a forbidden target, a missing secret) gives its key back: there is nothing to remember.
     */
    public static WebhookCaller webhooks(IdempotencyLedger ledger, WebhookCaller webhooks) {
        return request -> {
            WebhookResponse response = RecordedAnswer.read(ledger.once(request.idempotencyKey(),
                    () -> RecordedAnswer.of(webhooks.call(request))));
            if (response.refused()) {
                ledger.release(request.idempotencyKey());
            }
            return response;
        };
    }

    /** A redelivered send gets the first message's id back, to ask for its status. */
    public static SmsSender sms(IdempotencyLedger ledger, SmsSender sms) {
        return new SmsSender() {
            @Override
            public String send(SmsMessage message) {
                return ledger.once(message.idempotencyKey(), () -> sms.send(message));
            }

            @Override
            public SmsStatus status(String messageId) {
                return sms.status(messageId);
            }
        };
    }

    /** Notifications are delivered once per key; the inboxes are read as they are. */
    public static Notifier notifier(IdempotencyLedger ledger, Notifier notifier) {
        return new Notifier() {
            @Override
            public void notify(InAppNotification notification) {
                ledger.sendOnce(notification.idempotencyKey(), () -> notifier.notify(notification));
            }

            @Override
            public Page<Notification> inbox(String userId, String after, int limit) {
                return notifier.inbox(userId, after, limit);
            }

            @Override
            public boolean markRead(String userId, String notificationId, Instant at) {
                return notifier.markRead(userId, notificationId, at);
            }
        };
    }

    /**
     * A redelivered create gets the id of the record the first one made; a redelivered update is not made again (an
     * increment counts once).
     */
    public static CrmRecords records(IdempotencyLedger ledger, CrmRecords records) {
        return new CrmRecords() {
            @Override
            public String createTask(NewTask task) {
                return ledger.once(task.idempotencyKey(), () -> records.createTask(task));
            }

            @Override
            public String createRecord(NewRecord record) {
                return ledger.once(record.idempotencyKey(), () -> records.createRecord(record));
            }

            @Override
            public boolean updateRecord(RecordUpdate update) {
                return Boolean.parseBoolean(ledger.once(update.idempotencyKey(),
                        () -> String.valueOf(records.updateRecord(update))));
            }
        };
    }
}
