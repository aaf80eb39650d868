package dev.flowline.aws.metrics;

import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.history.History;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;

import java.util.List;
import java.util.Locale;

/**
 * The engine's ports, counted: each history entry by its kind ({@code Enrolled}, {@code ActionSucceeded},
 * {@code ActionFailed}, {@code ActionSkipped}, {@code GoalMet}, {@code Completed}...), and each email and webhook
 * the service accepted ({@code EmailsSent}, {@code WebhooksCalled}). The engine calls these ports
 * once an effect: a redelivered step finds its effect in the ledger and calls none.
 */
public final class MeteredPorts {

    public static final String EMAILS_SENT = "EmailsSent";
    public static final String WEBHOOKS_CALLED = "WebhooksCalled";

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
}
