package dev.flowline.aws;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.accounts.ApiTokens;
import dev.flowline.aws.accounts.SigningKeys;
import dev.flowline.aws.crm.DynamoNotifier;
import dev.flowline.aws.crm.DynamoEmailTemplates;
import dev.flowline.aws.crm.DynamoOwnerDirectory;
import dev.flowline.aws.crm.DynamoRotationState;
import dev.flowline.aws.dynamodb.DueEnrolments;
import dev.flowline.aws.dynamodb.DynamoActivationProgress;
import dev.flowline.aws.dynamodb.DynamoContactRecycleBin;
import dev.flowline.aws.dynamodb.DynamoContactStore;
import dev.flowline.aws.dynamodb.DynamoCrmObjectStore;
import dev.flowline.aws.dynamodb.DynamoEnrolmentStore;
import dev.flowline.aws.dynamodb.DynamoFlowMetrics;
import dev.flowline.aws.dynamodb.DynamoFlowStore;
import dev.flowline.aws.dynamodb.DynamoHistory;
import dev.flowline.aws.dynamodb.DynamoJourneyEnrolmentStore;
import dev.flowline.aws.dynamodb.DynamoJourneyStore;
import dev.flowline.aws.dynamodb.DynamoListStore;
import dev.flowline.aws.dynamodb.DynamoSmsQuota;
import dev.flowline.aws.dynamodb.EffectLedger;
import dev.flowline.aws.dynamodb.PendingContactEvents;
import dev.flowline.aws.http.HttpWebhookCaller;
import dev.flowline.aws.metrics.EmfMetrics;
import dev.flowline.aws.metrics.MeteredPorts;
import dev.flowline.aws.metrics.OperationalMetrics;
import dev.flowline.aws.http.SecretSource;
import dev.flowline.aws.http.SecretSources;
import dev.flowline.aws.http.WebhookCredentials;
import dev.flowline.aws.eventbridge.EventBridgeEvents;
import dev.flowline.aws.scheduler.EventBridgeRecurringRuns;
import dev.flowline.aws.scheduler.EventBridgeWakeUpScheduler;
import dev.flowline.aws.ses.SesMailer;
import dev.flowline.aws.sms.EndUserMessagingSms;
import dev.flowline.aws.sms.SmsDeliveries;
import dev.flowline.aws.sqs.SqsActivationQueue;
import dev.flowline.aws.sqs.SqsStepScheduler;
import dev.flowline.aws.scheduler.WakeUpScheduler;
import dev.flowline.engine.Engine;
import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.action.Mailer;
import dev.flowline.engine.action.SmsSender;
import dev.flowline.engine.action.WebhookCaller;
import dev.flowline.engine.activation.ActivationBudget;
import dev.flowline.engine.activation.RecurringRuns;
import dev.flowline.engine.enrolment.EngineEvents;
import dev.flowline.engine.journey.JourneyLimits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine wired to AWS: DynamoDB stores (with the owner directory, round-robin counters and in-app notifications
 * in the {@code crm} table), the SQS step and activation queues, Scheduler wake-ups and flows' recurring schedules,
 * the EventBridge bus, SES, End User Messaging SMS and HTTP webhooks. Built once per function instance
 * ({@link #fromEnvironment()}); tests and the local
 * runtime build it on emulators and may replace the clock and the outward-facing ports. Handlers reach the stores
 * as the engine's ports ({@link #engine()}); besides, this gives only what is AWS's own: the configuration, the
 * account, the SQS client for dead-letter queues, the tokens and due enrolments of every account, and what the
 * delay waker and SnapStart need.
 * <p>
 * Whatever {@link EngineEvents} it is given, each engine event is first recorded on its contact
 * ({@link RecordingEngineEvents}), so the handlers the event reaches find it there.
 * <p>
 * Customer journeys run on the same engine: their stage flows are found through the flow store
 * ({@link JourneyFlowStore}) and run by the same step runner, and the trigger evaluator moves contacts through
 * journeys on the same contact changes ({@link JourneyRouter}).
 * <p>
 * An engine serves one {@link Account}: its stores read and write only that account's items, and its messages name
 * it. {@link #forAccount} builds the engine of another account with the same settings and SDK clients.
 */
public final class AwsEngine {

    public static final int DEFAULT_FLOW_CACHE_SECONDS = 0;

    private final AwsConfig config;
    private final Builder settings;
    private final Account account;
    private final Clock clock;
    private final OperationalMetrics metrics;
    private final SqsClient sqs;
    private final DynamoDbClient dynamo;
    private final DynamoHistory history;
    private final DueEnrolments dueEnrolments;
    private final PendingContactEvents pendingContactEvents;
    private final ApiTokens apiTokens;
    private final SqsStepScheduler stepScheduler;
    private final SmsDeliveries smsDeliveries;
    private final Engine engine;

    private AwsEngine(Builder builder) {
        this.config = builder.config;
        this.settings = builder.copy();
        this.account = builder.account != null ? builder.account : config.defaultAccount();
        this.clock = builder.clock;
        this.metrics = builder.metrics;
        SharedClients clients = builder.shared;
        this.dynamo = clients.dynamoDb.get();
        this.sqs = clients.sqs.get();
        this.history = new DynamoHistory(dynamo, config.tables(), account);
        this.dueEnrolments = new DueEnrolments(dynamo, config.tables());
        this.pendingContactEvents = new PendingContactEvents(dynamo, config.tables());
        this.apiTokens = new ApiTokens(dynamo, config.tables(), clock);

        WakeUpScheduler wakeUps = builder.wakeUps != null ? builder.wakeUps
                : new EventBridgeWakeUpScheduler(clients.scheduler, new EventBridgeWakeUpScheduler.Config(
                        config.scheduleGroup(), config.wakerArn(), config.schedulerRoleArn()));
        this.stepScheduler = new SqsStepScheduler(sqs, account, config.stepQueueUrl(), wakeUps, clock,
                builder.maxQueueDelay);
        Mailer mailer = builder.mailer != null ? builder.mailer : new SesMailer(clients.sesV2,
                new SesMailer.Config(config.mailFrom(), config.sesConfigurationSet(), account));
        this.smsDeliveries = new SmsDeliveries(dynamo, config.tables());
        this.engine = new Engine(EnginePorts.builder()
                .clock(clock).timeZone(config.timeZone()).flowCacheTtl(builder.flowCacheTtl)
                .journeyLimits(builder.journeyLimits != null ? builder.journeyLimits
                        : journeyLimits(builder.environment)).activationBudget(builder.activationBudget)
                .flows(new DynamoFlowStore(dynamo, config.tables(), account))
                .contacts(new DynamoContactStore(dynamo, config.tables(), account))
                .recycleBin(new DynamoContactRecycleBin(dynamo, config.tables(), account))
                .enrolments(new DynamoEnrolmentStore(dynamo, config.tables(), account))
                .lists(new DynamoListStore(dynamo, config.tables(), account))
                .journeys(new DynamoJourneyStore(dynamo, config.tables(), account))
                .journeyEnrolments(new DynamoJourneyEnrolmentStore(dynamo, config.tables(), account))
                .history(MeteredPorts.history(history, builder.metrics)).metrics(new DynamoFlowMetrics(dynamo, config.tables(), account))
                .steps(stepScheduler).activations(new SqsActivationQueue(sqs, account, config.activationQueueUrl()))
                .activationProgress(MeteredPorts.activationProgress(
                        new DynamoActivationProgress(dynamo, config.tables(), account, clock), builder.metrics))
                .events(builder.events != null ? builder.events.apply(account) : new EventBridgeEvents(
                        clients.eventBridge, config.busName(), config.maxCauseChain(), account))
                .idempotency(new EffectLedger(dynamo, config.tables(), account, clock))
                .mailer(MeteredPorts.mailer(mailer, builder.metrics))
                .webhooks(MeteredPorts.webhooks(builder.webhooks != null ? builder.webhooks : new HttpWebhookCaller(
                        webhookCredentials(clients.secrets(builder.environment, clock), new SigningKeys(dynamo, config.tables(), clock)),
                        new HttpWebhookCaller.Config(config.plainHttpHosts()), clock), builder.metrics))
                .crmObjects(new DynamoCrmObjectStore(dynamo, config.tables(), account))
                .owners(new DynamoOwnerDirectory(dynamo, config.tables(), account))
                .emailTemplates(new DynamoEmailTemplates(dynamo, config.tables(), account))
                .rotations(new DynamoRotationState(dynamo, config.tables(), account, clock))
                .notifier(new DynamoNotifier(dynamo, config.tables(), account,
                        Optional.of(mailer).filter(copies -> config.notificationEmailCopy())))
                .sms(MeteredPorts.sms(builder.sms != null ? builder.sms : new EndUserMessagingSms(clients.smsVoice,
                        config.sms(), account, smsDeliveries), builder.metrics))
                .smsQuota(MeteredPorts.smsQuota(new DynamoSmsQuota(dynamo, config.tables(), account), builder.metrics))
                .recurringRuns(builder.recurringRuns != null ? builder.recurringRuns.apply(account)
                        : new EventBridgeRecurringRuns(clients.scheduler, config.flowSchedules(),
                        new EventBridgeRecurringRuns.Target(config.wakerArn(), config.schedulerRoleArn()), account,
                        config.timeZone()))
                .webhookHttpHosts(config.plainHttpHosts())
                .build());
    }

    /**
     * This account's secrets, and its own signing key; the deployment's {@code FLOWLINE_WEBHOOK_SECRET} signs only
     * for an account that has none (the local runtime's development account, accounts from before signing keys).
     */
    private WebhookCredentials webhookCredentials(SecretSource secrets, SigningKeys signingKeys) {
        return new WebhookCredentials(account, secrets,
                () -> signingKeys.current(account).or(() -> Optional.ofNullable(config.webhookSecret())));
    }

    /** The engine of a function, configured by its environment. */
    public static AwsEngine fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The engine of a function whose environment is {@code env}. */
    public static AwsEngine fromEnvironment(Map<String, String> env) {
        return builder(AwsConfig.fromEnvironment(env), AwsClients.fromEnvironment(env))
                .environment(env).flowCacheTtl(flowCacheTtl(env)).metrics(EmfMetrics.INSTANCE).build();
    }

    private static JourneyLimits journeyLimits(Map<String, String> env) {
        return new JourneyLimits(Integer.parseInt(env.getOrDefault("FLOWLINE_MAX_JOURNEYS",
                String.valueOf(JourneyLimits.DEFAULT_MAX_JOURNEYS))));
    }

    /**
     * {@code FLOWLINE_FLOW_CACHE_SECONDS}, {@value #DEFAULT_FLOW_CACHE_SECONDS} by default: how long a function
     * instance keeps the flow definitions it read, hence how long an edit may take to reach the engine.
     */
    public static Duration flowCacheTtl(Map<String, String> env) {
        return Duration.ofSeconds(Long.parseLong(env.getOrDefault("FLOWLINE_FLOW_CACHE_SECONDS",
                String.valueOf(DEFAULT_FLOW_CACHE_SECONDS))));
    }

    public static Builder builder(AwsConfig config, AwsClients clients) {
        return new Builder(config, clients);
    }

    /** The engine of account {@code other}: the same settings, SDK clients and outward-facing ports. */
    public AwsEngine forAccount(Account other) {
        return other.equals(account) ? this : settings.copy().account(other).build();
    }

    public AwsConfig config() {
        return config;
    }

    public Account account() {
        return account;
    }

    /** The engine, on this account's AWS ports. */
    public Engine engine() {
        return engine;
    }

    public Clock clock() {
        return clock;
    }

    /** Where the engine's ports and the handlers count what they did. */
    public OperationalMetrics metrics() {
        return metrics;
    }

    /** The client of the step queue, also the one that sends poison messages to dead-letter queues. */
    public SqsClient sqs() {
        return sqs;
    }

    /** The step queue with its wake-ups, which the delay waker fills with many steps at once. */
    public SqsStepScheduler stepScheduler() {
        return stepScheduler;
    }

    /** The API tokens of every account. */
    public ApiTokens apiTokens() {
        return apiTokens;
    }

    /** The enrolments due in a minute, of every account. */
    public DueEnrolments dueEnrolments() {
        return dueEnrolments;
    }

    /** The contacts with events saved and not yet published, of every account. */
    public PendingContactEvents pendingContactEvents() {
        return pendingContactEvents;
    }

    /** The delivery status of SMS, of every account. */
    public SmsDeliveries smsDeliveries() {
        return smsDeliveries;
    }

    /** The purge of every account's recycle bin, run by {@code engines}. */
    public RecycleBinSweep recycleBinSweep(AwsEngines engines) {
        return new RecycleBinSweep(engines, dynamo, config.tables(), clock);
    }

    /**
     * Builds the SDK clients that are otherwise built on their first request (scheduler, bus, email, SMS), so that a
     * SnapStart snapshot holds them; a cold start without a snapshot builds only those its invocation uses.
     */
    public void buildClients() {
        settings.shared.buildAll();
    }

    /** Writes history as a new writer from now on: what an instance restored from a SnapStart snapshot must do. */
    public void renewHistoryWriterId() {
        history.renewWriterId();
    }

    /** Builds an {@link AwsEngine}; every override is optional. */
    public static final class Builder {

        private final AwsConfig config;
        private final SharedClients shared;
        private Account account;
        private Clock clock = Clock.systemUTC();
        private WakeUpScheduler wakeUps;
        private Mailer mailer;
        private Function<Account, EngineEvents> events;
        private WebhookCaller webhooks;
        private SmsSender sms;
        private Function<Account, RecurringRuns> recurringRuns;
        private Duration maxQueueDelay = Duration.ofMinutes(15);
        private Duration flowCacheTtl = Duration.ZERO;
        private Map<String, String> environment = System.getenv();
        private JourneyLimits journeyLimits;
        private ActivationBudget activationBudget = ActivationBudget.DEFAULT;
        private OperationalMetrics metrics = OperationalMetrics.NONE;

        private Builder(AwsConfig config, SharedClients shared) {
            this.config = config;
            this.shared = shared;
        }

        private Builder(AwsConfig config, AwsClients clients) {
            this(config, new SharedClients(clients));
        }

        private Builder copy() {
            var copy = new Builder(config, shared);
            copy.account = account;
            copy.clock = clock;
            copy.wakeUps = wakeUps;
            copy.mailer = mailer;
            copy.events = events;
            copy.webhooks = webhooks;
            copy.sms = sms;
            copy.recurringRuns = recurringRuns;
            copy.maxQueueDelay = maxQueueDelay;
            copy.flowCacheTtl = flowCacheTtl;
            copy.environment = environment;
            copy.journeyLimits = journeyLimits;
            copy.activationBudget = activationBudget;
            copy.metrics = metrics;
            return copy;
        }

        /** The account the engine serves; the configured default account if not given. */
        public Builder account(Account account) {
            this.account = account;
            return this;
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

        /**
         * Instead of publishing on the EventBridge bus, the same for every account; events are still recorded on
         * their contact first.
         */
        public Builder events(EngineEvents events) {
            this.events = account -> events;
            return this;
        }

        /** Instead of publishing on the EventBridge bus: the publisher of each account's events. */
        public Builder accountEvents(Function<Account, EngineEvents> events) {
            this.events = events;
            return this;
        }

        /** Instead of calling webhooks over HTTP. */
        public Builder webhooks(WebhookCaller webhooks) {
            this.webhooks = webhooks;
            return this;
        }

        /** Instead of End User Messaging SMS. */
        public Builder sms(SmsSender sms) {
            this.sms = sms;
            return this;
        }

        /** Instead of EventBridge Scheduler recurring schedules: the recurring runs of each account's flows. */
        public Builder recurringRuns(Function<Account, RecurringRuns> recurringRuns) {
            this.recurringRuns = recurringRuns;
            return this;
        }

        /** The longest a step waits on the step queue; later steps go to the wake-up scheduler. */
        public Builder maxQueueDelay(Duration maxQueueDelay) {
            this.maxQueueDelay = maxQueueDelay;
            return this;
        }

        /**
         * How long the engine keeps the flow definitions it read (its steps and contact changes read them; the
         * API reads the store). Zero by default: every read goes to the table.
         */
        public Builder flowCacheTtl(Duration flowCacheTtl) {
            this.flowCacheTtl = flowCacheTtl;
            return this;
        }

        /**
         * Instead of the process's environment: the variables the engine reads besides {@link AwsConfig}'s,
         * {@code FLOWLINE_MAX_JOURNEYS} and the webhook secrets' ({@link SecretSources}).
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        /** Instead of {@code FLOWLINE_MAX_JOURNEYS} (10 by default): how many journeys the account may have. */
        public Builder journeyLimits(JourneyLimits journeyLimits) {
            this.journeyLimits = journeyLimits;
            return this;
        }

        /** Instead of {@link ActivationBudget#DEFAULT}: how much of a segment one activation run reads. */
        public Builder activationBudget(ActivationBudget activationBudget) {
            this.activationBudget = activationBudget;
            return this;
        }

        /** Instead of counting nothing: where the ports and handlers count what they did ({@link MeteredPorts}). */
        public Builder metrics(OperationalMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        public AwsEngine build() {
            return new AwsEngine(this);
        }
    }

    /** The SDK clients, each built when first needed and then shared by the engines of every account. */
    private static final class SharedClients {
        private final Supplier<DynamoDbClient> dynamoDb;
        private final Supplier<SqsClient> sqs;
        private final Supplier<SchedulerClient> scheduler;
        private final Supplier<EventBridgeClient> eventBridge;
        private final Supplier<SesV2Client> sesV2;
        private final Supplier<PinpointSmsVoiceV2Client> smsVoice;

        private final AwsClients clients;
        private SecretSource secrets;

        SharedClients(AwsClients clients) {
            this.clients = clients;
            this.dynamoDb = once(clients::dynamoDb);
            this.sqs = once(clients::sqs);
            this.scheduler = once(clients::scheduler);
            this.eventBridge = once(clients::eventBridge);
            this.sesV2 = once(clients::sesV2);
            this.smsVoice = once(clients::smsVoice);
        }

        void buildAll() {
            List.of(dynamoDb, sqs, scheduler, eventBridge, sesV2, smsVoice).forEach(Supplier::get);
        }

        /** The webhook secrets, shared by the accounts' engines so that their cache is too. */
        synchronized SecretSource secrets(Map<String, String> environment, Clock clock) {
            if (secrets == null) {
                secrets = SecretSources.configured(environment, clients, clock);
            }
            return secrets;
        }

        private static <T> Supplier<T> once(Supplier<T> create) {
            return new Supplier<>() {
                private T value;

                @Override
                public synchronized T get() {
                    if (value == null) {
                        value = create.get();
                    }
                    return value;
                }
            };
        }
    }
}
