package dev.flowline.aws;

import dev.flowline.aws.dynamodb.DynamoContactStore;
import dev.flowline.aws.dynamodb.DynamoEnrolmentStore;
import dev.flowline.aws.dynamodb.DynamoFlowMetrics;
import dev.flowline.aws.dynamodb.DynamoFlowStore;
import dev.flowline.aws.dynamodb.DynamoHistory;
import dev.flowline.aws.dynamodb.DynamoListStore;
import dev.flowline.aws.dynamodb.EffectLedger;
import dev.flowline.aws.dynamodb.EffectLedgerIdempotency;
import dev.flowline.aws.http.HttpWebhookCaller;
import dev.flowline.aws.messaging.EventBridgeEvents;
import dev.flowline.aws.messaging.EventBridgeWakeUpScheduler;
import dev.flowline.aws.messaging.IdempotencyLedger;
import dev.flowline.aws.messaging.SesMailer;
import dev.flowline.aws.messaging.SqsStepScheduler;
import dev.flowline.aws.messaging.WakeUpScheduler;
import dev.flowline.engine.action.ActionPorts;
import dev.flowline.engine.action.BuiltInActions;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EngineContext;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.enrolment.Enroller;
import dev.flowline.engine.enrolment.EnrolmentDecision;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.enrolment.GoalChecker;
import dev.flowline.engine.enrolment.StepRunner;
import dev.flowline.engine.enrolment.TriggerEvaluator;
import dev.flowline.engine.enrolment.Unenroller;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine wired to AWS: DynamoDB stores, the SQS step queue, Scheduler wake-ups, the EventBridge bus, SES and
 * HTTP webhooks. Built once per function instance ({@link #fromEnvironment()}); tests and the local runtime build
 * it on emulators and may replace the clock and the outward-facing ports.
 * <p>
 * Whatever {@link EngineEvents} it is given, each engine event is first recorded on its contact
 * ({@link RecordingEngineEvents}), so the handlers the event reaches find it there.
 */
public final class AwsEngine {

    private final AwsConfig config;
    private final Clock clock;
    private final SqsClient sqs;
    private final DynamoFlowStore flows;
    private final DynamoContactStore contacts;
    private final DynamoListStore lists;
    private final DynamoEnrolmentStore enrolments;
    private final DynamoHistory history;
    private final DynamoFlowMetrics metrics;
    private final SqsStepScheduler stepScheduler;
    private final EngineContext context;
    private final Unenroller unenroller;
    private final Enroller enroller;
    private final StepRunner steps;
    private final TriggerEvaluator triggers;
    private final GoalChecker goals;

    private AwsEngine(Builder builder) {
        this.config = builder.config;
        this.clock = builder.clock;
        AwsClients clients = builder.clients;
        DynamoDbClient dynamo = clients.dynamoDb();
        this.sqs = clients.sqs();
        this.flows = new DynamoFlowStore(dynamo, config.tables());
        this.contacts = new DynamoContactStore(dynamo, config.tables());
        this.lists = new DynamoListStore(dynamo, config.tables());
        this.enrolments = new DynamoEnrolmentStore(dynamo, config.tables());
        this.history = new DynamoHistory(dynamo, config.tables());
        this.metrics = new DynamoFlowMetrics(dynamo, config.tables());
        IdempotencyLedger ledger = new EffectLedgerIdempotency(new EffectLedger(dynamo, config.tables(), clock));

        WakeUpScheduler wakeUps = builder.wakeUps != null ? builder.wakeUps
                : new EventBridgeWakeUpScheduler(clients.scheduler(), new EventBridgeWakeUpScheduler.Config(
                        config.scheduleGroup(), config.wakerArn(), config.schedulerRoleArn()));
        this.stepScheduler = new SqsStepScheduler(sqs, config.stepQueueUrl(), wakeUps, clock, builder.maxQueueDelay);
        EngineEvents publisher = builder.events != null ? builder.events
                : new EventBridgeEvents(clients.eventBridge(), config.busName(), config.maxCauseChain());
        Mailer mailer = builder.mailer != null ? builder.mailer
                : new SesMailer(clients.sesV2(), ledger, new ConfiguredRecipients(config.userEmails()),
                        new SesMailer.Config(config.mailFrom(), config.sesConfigurationSet()));
        WebhookCaller webhooks = builder.webhooks != null ? builder.webhooks
                : new HttpWebhookCaller(ledger, new HttpWebhookCaller.Config(config.webhookSecret(),
                        config.plainHttpHosts()), clock);
        var standIns = new StandInServices();
        var ports = new ActionPorts(mailer, standIns, standIns, standIns, standIns, this::enrolByAction, webhooks,
                standIns, standIns);

        this.context = new EngineContext(clock, config.timeZone(), flows, contacts, enrolments, stepScheduler, history,
                metrics, new RecordingEngineEvents(contacts, publisher), lists,
                BuiltInActions.executor(ports));
        this.unenroller = new Unenroller(context);
        this.enroller = new Enroller(context, unenroller);
        this.steps = new StepRunner(context, unenroller);
        this.triggers = new TriggerEvaluator(context, enroller, unenroller);
        this.goals = new GoalChecker(context, unenroller, steps);
    }

    /** The engine of a function, configured by its environment. */
    public static AwsEngine fromEnvironment() {
        return builder(AwsConfig.fromEnvironment(), AwsClients.fromEnvironment()).build();
    }

    public static Builder builder(AwsConfig config, AwsClients clients) {
        return new Builder(config, clients);
    }

    /** The "enrol in another workflow" action: a manual enrolment, refused when the flow or contact is gone. */
    private EnrolmentDecision enrolByAction(String flowId, String contactId) {
        Optional<Flow> flow = flows.find(flowId);
        Optional<Contact> contact = contacts.find(contactId);
        return flow.isPresent() && contact.isPresent()
                ? enroller.enrol(flow.get(), contact.get(), EnrolmentSource.MANUAL)
                : new EnrolmentDecision(Optional.empty(), "there is no workflow " + flowId);
    }

    public AwsConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The client of the step queue, also the one that sends poison messages to dead-letter queues. */
    public SqsClient sqs() {
        return sqs;
    }

    public TriggerEvaluator triggers() {
        return triggers;
    }

    public GoalChecker goals() {
        return goals;
    }

    public StepRunner steps() {
        return steps;
    }

    public SqsStepScheduler stepScheduler() {
        return stepScheduler;
    }

    public DynamoEnrolmentStore enrolments() {
        return enrolments;
    }

    public DynamoFlowStore flows() {
        return flows;
    }

    public DynamoContactStore contacts() {
        return contacts;
    }

    /** Contact lists; also what filters and suppression lists look lists up in. */
    public DynamoListStore lists() {
        return lists;
    }

    public DynamoHistory history() {
        return history;
    }

    public DynamoFlowMetrics metrics() {
        return metrics;
    }

    public EngineContext context() {
        return context;
    }

    public Enroller enroller() {
        return enroller;
    }

    public Unenroller unenroller() {
        return unenroller;
    }

    /** Builds an {@link AwsEngine}; every override is optional. */
    public static final class Builder {

        private final AwsConfig config;
        private final AwsClients clients;
        private Clock clock = Clock.systemUTC();
        private WakeUpScheduler wakeUps;
        private Mailer mailer;
        private EngineEvents events;
        private WebhookCaller webhooks;
        private Duration maxQueueDelay = Duration.ofMinutes(15);

        private Builder(AwsConfig config, AwsClients clients) {
            this.config = config;
            this.clients = clients;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Instead of EventBridge Scheduler one-time schedules. */
        public Builder wakeUps(WakeUpScheduler wakeUps) {
            this.wakeUps = wakeUps;
            return this;
        }

        /** Instead of SES. */
        public Builder mailer(Mailer mailer) {
            this.mailer = mailer;
            return this;
        }

        /** Instead of publishing on the EventBridge bus; events are still recorded on their contact first. */
        public Builder events(EngineEvents events) {
            this.events = events;
            return this;
        }

        /** Instead of calling webhooks over HTTP. */
        public Builder webhooks(WebhookCaller webhooks) {
            this.webhooks = webhooks;
            return this;
        }

        /** The longest a step waits on the step queue; later steps go to the wake-up scheduler. */
        public Builder maxQueueDelay(Duration maxQueueDelay) {
            this.maxQueueDelay = maxQueueDelay;
            return this;
        }

        public AwsEngine build() {
            return new AwsEngine(this);
        }
    }
}
