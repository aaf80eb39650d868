package dev.flowline.aws.metrics;

import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsQuota;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.activation.ActivationProgress;
import dev.flowline.engine.activation.ActivationRun;
import dev.flowline.engine.activation.ActivationStatus;
import dev.flowline.engine.history.History;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's ports, counted: each history entry by its kind ({@code Enrolled}, {@code ActionSucceeded},
 * {@code ActionFailed}, {@code ActionSkipped}, {@code GoalMet}, {@code Completed}...), and each email and webhook
 * the service accepted ({@code EmailsSent}, {@code WebhooksCalled}), each SMS the service accepted or refused and
 * each one held back by the monthly cap ({@code SmsSent}, {@code SmsRefused}, {@code SmsOverCap}). The engine calls
 * these ports once an effect: a redelivered step finds its effect in the ledger and calls none. Activation progress
 * counts each run once ({@code ActivationSegmentsDone}, {@code ActivationContactsScanned},
 * {@code ActivationContactsEnrolled}), as its store does.
 */
public final class MeteredPorts {

    public static final String EMAILS_SENT = "EmailsSent";
    public static final String WEBHOOKS_CALLED = "WebhooksCalled";
    public static final String SMS_SENT = "SmsSent";
    public static final String SMS_REFUSED = "SmsRefused";
    public static final String SMS_OVER_CAP = "SmsOverCap";
    public static final String ACTIVATION_SEGMENTS_DONE = "ActivationSegmentsDone";
    public static final String ACTIVATION_CONTACTS_SCANNED = "ActivationContactsScanned";
    public static final String ACTIVATION_CONTACTS_ENROLLED = "ActivationContactsEnrolled";

    private MeteredPorts() {
    }

    /** {@code ACTION_SUCCEEDED}: {@code ActionSucceeded}. */
    public static String metricOf(HistoryKind kind) {
        var name = new StringBuilder();
        for (String word : kind.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    public static History history(History history, OperationalMetrics metrics) {
        return new History() {
            @Override
            public void append(HistoryEntry entry) {
                history.append(entry);
                metrics.count(metricOf(entry.kind()));
            }

            @Override
            public void appendAll(List<HistoryEntry> entries) {
                history.appendAll(entries);
                entries.forEach(entry -> metrics.count(metricOf(entry.kind())));
            }

            @Override
            public List<HistoryEntry> ofEnrolment(String enrolmentId) {
                return history.ofEnrolment(enrolmentId);
            }

            @Override
            public List<HistoryEntry> ofContact(String contactId) {
                return history.ofContact(contactId);
            }

            @Override
            public void deleteOfContact(String contactId) {
                history.deleteOfContact(contactId);
            }
        };
    }

    public static Mailer mailer(Mailer mailer, OperationalMetrics metrics) {
        return new Mailer() {
            @Override
            public void sendMarketingEmail(MarketingEmail email) {
                mailer.sendMarketingEmail(email);
                metrics.count(EMAILS_SENT);
            }

            @Override
            public void sendInternalEmail(InternalEmail email) {
                mailer.sendInternalEmail(email);
                metrics.count(EMAILS_SENT);
            }
        };
    }

    public static WebhookCaller webhooks(WebhookCaller webhooks, OperationalMetrics metrics) {
        return request -> {
            WebhookResponse response = webhooks.call(request);
            metrics.count(WEBHOOKS_CALLED);
            return response;
        };
    }

    /**
     * An SMS the service took ({@code SmsSent}) or refused ({@code SmsRefused}: it answered with a client error
     * other than throttling). A throttled, failed or unanswered request is tried again, so it is not counted.
     */
    public static SmsSender sms(SmsSender sms, OperationalMetrics metrics) {
        return new SmsSender() {
            @Override
            public String send(SmsMessage message) {
                try {
                    String messageId = sms.send(message);
                    metrics.count(SMS_SENT);
                    return messageId;
                } catch (AwsServiceException refused) {
                    if (refused.statusCode() < 500 && !refused.isThrottlingException()) {
                        metrics.count(SMS_REFUSED);
                    }
                    throw refused;
                }
            }

            @Override
            public SmsStatus status(String messageId) {
                return sms.status(messageId);
            }
        };
    }

    /** An SMS held back because the account's monthly cap was reached ({@code SmsOverCap}). */
    public static SmsQuota smsQuota(SmsQuota quota, OperationalMetrics metrics) {
        return (month, limit, idempotencyKey) -> {
            boolean reserved = quota.reserve(month, limit, idempotencyKey);
            if (!reserved) {
                metrics.count(SMS_OVER_CAP);
            }
            return reserved;
        };
    }

    /** What each run of an activation did, counted when the store counts it: once, however often it is delivered. */
    public static ActivationProgress activationProgress(ActivationProgress progress, OperationalMetrics metrics) {
        return new ActivationProgress() {
            @Override
            public void start(String flowId, Instant startedAt, int segments) {
                progress.start(flowId, startedAt, segments);
            }

            @Override
            public boolean count(ActivationRun run) {
                boolean counted = progress.count(run);
                if (counted) {
                    metrics.count(ACTIVATION_SEGMENTS_DONE, run.segmentDone() ? 1 : 0);
                    metrics.count(ACTIVATION_CONTACTS_SCANNED, run.scanned());
                    metrics.count(ACTIVATION_CONTACTS_ENROLLED, run.enrolled());
                }
                return counted;
            }

            @Override
            public Optional<ActivationStatus> of(String flowId) {
                return progress.of(flowId);
            }
        };
    }
}
