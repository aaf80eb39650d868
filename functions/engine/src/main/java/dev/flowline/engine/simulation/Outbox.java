package dev.flowline.engine.simulation;

import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.Page;
import dev.flowline.engine.action.InAppNotification;
import dev.flowline.engine.action.InternalEmail;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.MarketingEmail;
import dev.flowline.engine.action.Notification;
import dev.flowline.engine.action.Notifier;
import dev.flowline.engine.action.RotationState;
import dev.flowline.engine.action.SmsMessage;
import dev.flowline.engine.action.SmsQuota;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.SmsStatus;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.action.WebhookRequest;
import dev.flowline.engine.action.WebhookResponse;
import dev.flowline.engine.crm.CrmObject;
import dev.flowline.engine.crm.CrmObjectType;
import dev.flowline.engine.activation.RecurringRun;
import dev.flowline.engine.activation.RecurringRuns;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Records what a simulation would have sent or created, once per idempotency key, as the real adapters do (the
 * tasks and records flows create are kept in an in-memory CRM object store), with each user's in-app
 * notifications; and stands in for the services actions ask: the owner directory, the email templates, round-robin
 * counters, webhook endpoints (200 unless told otherwise), SMS delivery (pending until told) and the monthly SMS
 * count. Flows' recurring runs are kept, not fired: the simulator runs enrolment schedules on its own agenda.
 */
public final class Outbox implements Mailer, Notifier, RotationState, WebhookCaller,
        SmsSender, SmsQuota, RecurringRuns {

    private final Map<String, MarketingEmail> marketingEmails = new LinkedHashMap<>();
    private final Map<String, InternalEmail> internalEmails = new LinkedHashMap<>();
    private final Map<String, InAppNotification> notifications = new LinkedHashMap<>();
    private final InMemoryCrmObjectStore crm = new InMemoryCrmObjectStore();
    private final Map<String, WebhookRequest> webhookRequests = new LinkedHashMap<>();
    private final Map<String, WebhookResponse> webhookResponses = new HashMap<>();
    private final Map<String, SmsMessage> smsMessages = new LinkedHashMap<>();
    private final Map<String, String> smsIds = new HashMap<>();
    private final Map<String, SmsStatus> smsStatuses = new HashMap<>();
    private final Set<String> smsReserved = new HashSet<>();
    private final Map<YearMonth, Integer> smsPerMonth = new HashMap<>();
    private final Map<String, Map<String, Notification>> inboxes = new HashMap<>();
    private final InMemoryOwnerDirectory directory = new InMemoryOwnerDirectory();
    private final InMemoryEmailTemplates emailTemplates = InMemoryEmailTemplates.withPlaceholders();
    private final Map<String, Rotation> rotations = new HashMap<>();
    private final Map<String, Long> turns = new HashMap<>();
    private final Map<String, RecurringRun> recurringRuns = new TreeMap<>();
    private Function<WebhookRequest, WebhookResponse> endpoints = request -> WebhookResponse.status(200);

    /** Gives the outbox as every side-effect port of an engine: what a simulation or a benchmark runs on. */
    public EnginePorts.Builder connect(EnginePorts.Builder ports) {
        return ports.mailer(this).webhooks(this).sms(this).smsQuota(this).notifier(this).crmObjects(crm)
                .owners(directory).emailTemplates(emailTemplates)
                .rotations(this).recurringRuns(this);
    }

    @Override
    public void sendMarketingEmail(MarketingEmail email) {
        marketingEmails.putIfAbsent(email.idempotencyKey(), email);
    }

    @Override
    public void sendInternalEmail(InternalEmail email) {
        internalEmails.putIfAbsent(email.idempotencyKey(), email);
    }

    @Override
    public void notify(InAppNotification notification) {
        if (notifications.putIfAbsent(notification.idempotencyKey(), notification) == null) {
            String id = Notifier.idOf(notification);
            notification.userIds().forEach(user -> inboxes.computeIfAbsent(user, u -> new HashMap<>()).put(id,
                    new Notification(id, user, notification.flowId(), notification.contactId(),
                            notification.subject(), notification.body(), notification.sentAt(), null)));
        }
    }

    @Override
    public Page<Notification> inbox(String userId, String after, int limit) {
        // newest first: the ids sort by time, so the reversed id order pages from the newest
        List<Notification> newestFirst = inboxes.getOrDefault(userId, Map.of()).values().stream()
                .sorted(Comparator.comparing(Notification::id).reversed())
                .dropWhile(note -> after != null && note.id().compareTo(after) >= 0).toList();
        return newestFirst.size() <= limit ? new Page<>(newestFirst, Optional.empty())
                : new Page<>(newestFirst.subList(0, limit), Optional.of(newestFirst.get(limit - 1).id()));
    }

    @Override
    public boolean markRead(String userId, String notificationId, Instant at) {
        Notification note = inboxes.getOrDefault(userId, Map.of()).get(notificationId);
        if (note == null) {
            return false;
        }
        if (!note.read()) {
            inboxes.get(userId).put(notificationId, new Notification(note.id(), note.userId(), note.flowId(),
                    note.contactId(), note.subject(), note.body(), note.createdAt(), at));
        }
        return true;
    }

    @Override
    public long nextTurn(String rotationId, SortedSet<String> owners, String idempotencyKey) {
        return turns.computeIfAbsent(idempotencyKey, key -> {
            Rotation rotation = rotations.get(rotationId);
            long turn = rotation == null || !rotation.owners().equals(owners) ? 0 : rotation.turns();
            rotations.put(rotationId, new Rotation(new TreeSet<>(owners), turn + 1));
            return turn;
        });
    }

    @Override
    public WebhookResponse call(WebhookRequest request) {
        return webhookResponses.computeIfAbsent(request.idempotencyKey(), key -> {
            webhookRequests.put(key, request);
            return endpoints.apply(request);
        });
    }

    @Override
    public String send(SmsMessage message) {
        return smsIds.computeIfAbsent(message.idempotencyKey(), key -> {
            smsMessages.put(key, message);
            return "sms-" + smsMessages.size();
        });
    }

    @Override
    public SmsStatus status(String messageId) {
        return smsStatuses.getOrDefault(messageId, SmsStatus.PENDING);
    }

    @Override
    public boolean reserve(YearMonth month, int limit, String idempotencyKey) {
        if (smsReserved.contains(idempotencyKey)) {
            return true;
        }
        int sent = smsPerMonth.getOrDefault(month, 0);
        if (sent >= limit) {
            return false;
        }
        smsPerMonth.put(month, sent + 1);
        smsReserved.add(idempotencyKey);
        return true;
    }

    /** The owners and teams actions find, which a simulation fills. */
    public InMemoryOwnerDirectory directory() {
        return directory;
    }

    /** The marketing emails' templates: those put here, and a placeholder for any other content id. */
    public InMemoryEmailTemplates emailTemplates() {
        return emailTemplates;
    }

    /** How the webhook endpoints answer from now on. */
    public Outbox answerWebhooks(Function<WebhookRequest, WebhookResponse> endpoints) {
        this.endpoints = endpoints;
        return this;
    }

    /** The provider's delivery status for an SMS, from now on. */
    public Outbox smsStatus(String messageId, SmsStatus status) {
        smsStatuses.put(messageId, status);
        return this;
    }

    /** Counts SMS as already sent in {@code month}, as if earlier flows had sent them. */
    public Outbox smsAlreadySent(YearMonth month, int count) {
        smsPerMonth.merge(month, count, Integer::sum);
        return this;
    }

    public List<MarketingEmail> marketingEmails() {
        return List.copyOf(marketingEmails.values());
    }

    public List<InternalEmail> internalEmails() {
        return List.copyOf(internalEmails.values());
    }

    public List<InAppNotification> notifications() {
        return List.copyOf(notifications.values());
    }

    /** The CRM records and associations flows created. */
    public InMemoryCrmObjectStore crm() {
        return crm;
    }

    /** The tasks flows created, in id order. */
    public List<CrmObject> tasks() {
        return crm.page(CrmObjectType.TASK, null, Integer.MAX_VALUE - 1).items();
    }

    /** Every webhook attempt, in the order they were made. */
    public List<WebhookRequest> webhookRequests() {
        return List.copyOf(webhookRequests.values());
    }

    public List<SmsMessage> smsMessages() {
        return List.copyOf(smsMessages.values());
    }

    @Override
    public void put(RecurringRun run) {
        recurringRuns.put(run.flowId() + "/" + run.kind(), run);
    }

    @Override
    public void remove(String flowId, RecurringRun.Kind kind) {
        recurringRuns.remove(flowId + "/" + kind);
    }

    /** The flows' recurring runs, by flow id then kind. */
    public List<RecurringRun> recurringRuns() {
        return List.copyOf(recurringRuns.values());
    }

    private record Rotation(SortedSet<String> owners, long turns) {
    }
}
