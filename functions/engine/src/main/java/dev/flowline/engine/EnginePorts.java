package dev.flowline.engine;

import dev.flowline.engine.action.ActionPorts;
import dev.flowline.engine.action.CrmRecords;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.Notifier;
import dev.flowline.engine.action.RotationState;
import dev.flowline.engine.action.SmsQuota;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.activation.ActivationBudget;
import dev.flowline.engine.activation.ActivationProgress;
import dev.flowline.engine.activation.ActivationQueue;
import dev.flowline.engine.activation.RecurringRuns;
import dev.flowline.engine.contact.ContactRecycleBin;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.crm.CrmObjectStore;
import dev.flowline.engine.crm.CrmObjects;
import dev.flowline.engine.crm.StoredCrmRecords;
import dev.flowline.engine.definition.FlowStore;
import dev.flowline.engine.email.EmailTemplates;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.enrolment.EnrolmentStore;
import dev.flowline.engine.enrolment.StepScheduler;
import dev.flowline.engine.history.FlowMetrics;
import dev.flowline.engine.history.History;
import dev.flowline.engine.idempotency.IdempotentEffects;
import dev.flowline.engine.idempotency.IdempotencyLedger;
import dev.flowline.engine.journey.JourneyEnrolmentStore;
import dev.flowline.engine.journey.JourneyLimits;
import dev.flowline.engine.journey.JourneyStore;
import dev.flowline.engine.list.ListStore;
import dev.flowline.engine.owner.OwnerDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an {@link Engine} is built from: its stores, its outward-facing ports and its settings, each by name.
 * The AWS wiring, the local runtime, the simulator and the benchmarks differ only in the ports they give here.
 * Ports are named, never positional: adding one does not change a single existing call.
 *
 * @param timeZone     the account's time zone: times of day, calendar days
 * @param flowCacheTtl     how long the engine keeps the flow definitions and journeys it read (zero: not at all)
 * @param activationBudget how much of a segment of existing contacts one activation run reads
 * @param activations      where the segments of "enrol the contacts that already match" wait to be run
 * @param activationProgress how far each flow's latest enrolment of its existing contacts has got
 * @param recurringRuns    where flows' enrolment schedules and time sweeps are kept and fired
 * @param idempotency      the ledger that makes every email, webhook, SMS, notification and record once per step
 * @param crmObjects       the CRM records beside the contacts (companies, deals, tickets, tasks, notes) and the
 *                         associations of any records
 * @param recycleBin       deleted contacts, restorable for a while
 * @param emailTemplates   the content of the account's marketing emails, by content id
 * @param webhookHttpHosts hosts webhooks may call over plain http (local development), as the webhook caller allows
 */
public record EnginePorts(Clock clock, ZoneId timeZone, Duration flowCacheTtl, JourneyLimits journeyLimits,
                          ActivationBudget activationBudget, FlowStore flows, ContactStore contacts,
                          EnrolmentStore enrolments, ListStore lists, JourneyStore journeys,
                          JourneyEnrolmentStore journeyEnrolments, History history, FlowMetrics metrics,
                          StepScheduler steps, ActivationQueue activations,
                          ActivationProgress activationProgress, EngineEvents events,
                          IdempotencyLedger idempotency, Mailer mailer, WebhookCaller webhooks, SmsSender sms,
                          SmsQuota smsQuota, Notifier notifier, CrmObjectStore crmObjects, OwnerDirectory owners,
                          RotationState rotations, RecurringRuns recurringRuns,
                          ContactRecycleBin recycleBin, EmailTemplates emailTemplates,
                          Set<String> webhookHttpHosts) implements ActionPorts {

    /**
     * The tasks and records flows create: in the CRM object store, once per idempotency key. The engine's actions
     * run on these, so the deployed wiring needs only the store.
     */
    @Override
    public CrmRecords records() {
        return IdempotentEffects.records(idempotency, new StoredCrmRecords(clock, crm()));
    }

    /** Writes of CRM records and associations, checked as HubSpot's API checks them. */
    public CrmObjects crm() {
        return new CrmObjects(clock, contacts, crmObjects);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these ports, to replace some of them. */
    public Builder toBuilder() {
        return builder().clock(clock).timeZone(timeZone).flowCacheTtl(flowCacheTtl).journeyLimits(journeyLimits)
                .activationBudget(activationBudget).flows(flows).contacts(contacts).enrolments(enrolments)
                .lists(lists).journeys(journeys).journeyEnrolments(journeyEnrolments).history(history)
                .metrics(metrics).steps(steps).activations(activations).activationProgress(activationProgress).events(events)
                .idempotency(idempotency).mailer(mailer).webhooks(webhooks).sms(sms).smsQuota(smsQuota)
                .notifier(notifier).crmObjects(crmObjects).owners(owners).rotations(rotations)
                .recurringRuns(recurringRuns)
                .recycleBin(recycleBin).emailTemplates(emailTemplates).webhookHttpHosts(webhookHttpHosts);
    }

    /**
     * Builds {@link EnginePorts}; the clock, time zone, cache, journey limits and activation budget have defaults,
     * ports do not.
     */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private ZoneId timeZone = ZoneOffset.UTC;
        private Duration flowCacheTtl = Duration.ZERO;
        private JourneyLimits journeyLimits = JourneyLimits.DEFAULT;
        private ActivationBudget activationBudget = ActivationBudget.DEFAULT;
        private FlowStore flows;
        private ContactStore contacts;
        private EnrolmentStore enrolments;
        private ListStore lists;
        private JourneyStore journeys;
        private JourneyEnrolmentStore journeyEnrolments;
        private History history;
        private FlowMetrics metrics;
        private StepScheduler steps;
        private ActivationQueue activations;
        private ActivationProgress activationProgress;
        private EngineEvents events;
        private IdempotencyLedger idempotency;
        private Mailer mailer;
        private WebhookCaller webhooks;
        private SmsSender sms;
        private SmsQuota smsQuota;
        private Notifier notifier;
        private CrmObjectStore crmObjects;
        private OwnerDirectory owners;
        private RotationState rotations;
        private RecurringRuns recurringRuns;
        private ContactRecycleBin recycleBin;
        private EmailTemplates emailTemplates;
        private Set<String> webhookHttpHosts = Set.of();

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        public Builder flowCacheTtl(Duration flowCacheTtl) {
            this.flowCacheTtl = flowCacheTtl;
            return this;
        }

        public Builder journeyLimits(JourneyLimits journeyLimits) {
            this.journeyLimits = journeyLimits;
            return this;
        }

        public Builder recycleBin(ContactRecycleBin recycleBin) {
            this.recycleBin = recycleBin;
            return this;
        }

        public Builder emailTemplates(EmailTemplates emailTemplates) {
            this.emailTemplates = emailTemplates;
            return this;
        }

        public Builder webhookHttpHosts(Set<String> webhookHttpHosts) {
            this.webhookHttpHosts = Set.copyOf(webhookHttpHosts);
            return this;
        }

        public Builder activationBudget(ActivationBudget activationBudget) {
            this.activationBudget = activationBudget;
            return this;
        }

        public Builder flows(FlowStore flows) {
            this.flows = flows;
            return this;
        }

        public Builder contacts(ContactStore contacts) {
            this.contacts = contacts;
            return this;
        }

        public Builder enrolments(EnrolmentStore enrolments) {
            this.enrolments = enrolments;
            return this;
        }

        public Builder lists(ListStore lists) {
            this.lists = lists;
            return this;
        }

        public Builder journeys(JourneyStore journeys) {
            this.journeys = journeys;
            return this;
        }

        public Builder journeyEnrolments(JourneyEnrolmentStore journeyEnrolments) {
            this.journeyEnrolments = journeyEnrolments;
            return this;
        }

        public Builder history(History history) {
            this.history = history;
            return this;
        }

        public Builder metrics(FlowMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder steps(StepScheduler steps) {
            this.steps = steps;
            return this;
        }

        public Builder activations(ActivationQueue activations) {
            this.activations = activations;
            return this;
        }

        public Builder activationProgress(ActivationProgress activationProgress) {
            this.activationProgress = activationProgress;
            return this;
        }

        public Builder events(EngineEvents events) {
            this.events = events;
            return this;
        }

        public Builder idempotency(IdempotencyLedger idempotency) {
            this.idempotency = idempotency;
            return this;
        }

        public Builder mailer(Mailer mailer) {
            this.mailer = mailer;
            return this;
        }

        public Builder webhooks(WebhookCaller webhooks) {
            this.webhooks = webhooks;
            return this;
        }

        public Builder sms(SmsSender sms) {
            this.sms = sms;
            return this;
        }

        public Builder smsQuota(SmsQuota smsQuota) {
            this.smsQuota = smsQuota;
            return this;
        }

        public Builder notifier(Notifier notifier) {
            this.notifier = notifier;
            return this;
        }

        public Builder crmObjects(CrmObjectStore crmObjects) {
            this.crmObjects = crmObjects;
            return this;
        }

        public Builder owners(OwnerDirectory owners) {
            this.owners = owners;
            return this;
        }

        public Builder rotations(RotationState rotations) {
            this.rotations = rotations;
            return this;
        }

        public Builder recurringRuns(RecurringRuns recurringRuns) {
            this.recurringRuns = recurringRuns;
            return this;
        }

        /** @throws NullPointerException naming the first port not given */
        public EnginePorts build() {
            return new EnginePorts(required(clock, "clock"), required(timeZone, "timeZone"),
                    required(flowCacheTtl, "flowCacheTtl"), required(journeyLimits, "journeyLimits"),
                    required(activationBudget, "activationBudget"),
                    required(flows, "flows"), required(contacts, "contacts"), required(enrolments, "enrolments"),
                    required(lists, "lists"), required(journeys, "journeys"),
                    required(journeyEnrolments, "journeyEnrolments"), required(history, "history"),
                    required(metrics, "metrics"), required(steps, "steps"), required(activations, "activations"),
                    required(activationProgress, "activationProgress"), required(events, "events"),
                    required(idempotency, "idempotency"), required(mailer, "mailer"), required(webhooks, "webhooks"),
                    required(sms, "sms"), required(smsQuota, "smsQuota"), required(notifier, "notifier"),
                    required(crmObjects, "crmObjects"), required(owners, "owners"), required(rotations, "rotations"),
                    required(recurringRuns, "recurringRuns"),
                    required(recycleBin, "recycleBin"), required(emailTemplates, "emailTemplates"), webhookHttpHosts);
        }

        private static <T> T required(T port, String name) {
            return Objects.requireNonNull(port, () -> "the engine needs the port " + name);
        }
    }
}
