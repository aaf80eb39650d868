package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsClients;
import dev.flowline.aws.AwsConfig;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.eventbridge.EventBridgeEvents;
import dev.flowline.aws.scheduler.WakeUpScheduler;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.functions.actionexecutor.ActionExecutorHandler;
import dev.flowline.functions.api.ApiException;
import dev.flowline.functions.api.ApiHandler;
import dev.flowline.functions.api.ApiRequest;
import dev.flowline.functions.delaywaker.DelayWakerHandler;
import dev.flowline.functions.flowactivation.FlowActivationHandler;
import dev.flowline.functions.goalchecker.GoalCheckerHandler;
import dev.flowline.functions.triggerevaluator.TriggerEvaluatorHandler;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Flowline on one machine: the Lambda handlers, driven as Lambda drives them, on embedded DynamoDB Local and
 * ElasticMQ (or the emulator {@code AWS_ENDPOINT_URL} names). SQS pollers feed the trigger, goal, step and
 * activation queues to their handlers; a local bus routes the engine's events to the trigger queue (the trigger
 * evaluator sends on to the goal queue those the goal checker watches); local wake-ups call
 * the delay waker when their minute comes; emails go to an outbox folder, each claimed in the effects ledger first
 * by the engine, as SES sends are; webhooks are really sent; the HTTP API
 * listens on a loopback port. With a {@link FaultPlan}, the SDK clients, pollers, wake-ups and outbox inject its
 * faults, and the SDK retries with back-offs of a few milliseconds (the emulators need no relief).
 * <p>
 * With a data folder ({@link LocalOptions#data()}), the emulators keep their tables, queues and messages there and
 * the development clock its offset; on start, tables and queues are created only if missing, and the waits in the
 * enrolments' due index are given to the local wake-ups again ({@link DueWaits}). In memory, nothing is kept.
 * <p>
 * Emails and SMS go to the outbox folder of the account they are sent for: the step queue's handler runs each
 * account's messages in that account's {@link AccountScope}, which the outbox reads. Flows' enrolment schedules and
 * time sweeps fire on the runtime's clock ({@link LocalRecurringRuns}).
 */
public final class LocalRuntime implements AutoCloseable {

    private static final String QUEUE_PREFIX = "flowline-";
    private static final Map<String, String> DEFAULTS = Map.of(
            "FLOWLINE_MAIL_FROM", "flowline@localhost",
            "FLOWLINE_WEBHOOK_HTTP_HOSTS", "localhost,127.0.0.1",
            "FLOWLINE_WEBHOOK_SECRET", "local-webhook-secret",
            // the development account, which the development token belongs to
            "FLOWLINE_DEFAULT_ACCOUNT", "dev",
            // high enough that benchmarks and scripts through the local API are not throttled
            "FLOWLINE_API_RATE_LIMIT", "1000000",
            // while developing, a flow saved or turned on takes effect at once (the functions keep them briefly)
            "FLOWLINE_FLOW_CACHE_SECONDS", "0");
    /** A token for the development account, given so scripts know it in advance; otherwise one is issued. */
    static final String DEV_TOKEN_VARIABLE = "FLOWLINE_DEV_TOKEN";
    /** The development clock's offset, in the data folder. */
    static final String DEV_CLOCK_FILE = "dev-clock";

    private final LocalOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<SqsPoller> pollers = new ArrayList<>();
    private final DevClock devClock;
    private final EmbeddedEmulators emulators;
    private final AwsClients clients;
    private final SqsClient sqs;
    private final LocalQueues queues;
    private final LocalWakeUps wakeUps;
    private final EventBridgeEvents events;
    private final AwsEngine engine;
    private final String devToken;
    private final LocalApiServer api;
    private final OutboxMailer outboxMailer;
    private final LocalRecurringRuns recurringRuns;
    private final int resumedWaits;

    private LocalRuntime(LocalOptions options, List<ExecutionInterceptor> interceptors, WakeUpScheduler wakeUpsToo) {
        this.options = options;
        this.devClock = !options.devClock() ? null : options.inMemory() ? new DevClock(Clock.systemUTC())
                : DevClock.restored(Clock.systemUTC(), options.data().resolve(DEV_CLOCK_FILE));
        Clock clock = devClock != null ? devClock : Clock.systemUTC();
        // on the development clock every wait is a wake-up, which follows that clock, not an SQS delay
        Duration maxQueueDelay = devClock != null ? Duration.ZERO : Duration.ofMinutes(15);
        try {
            this.emulators = options.endpoint() == null
                    ? closing(new EmbeddedEmulators(options.dynamoDbPort(), options.sqsPort(), options.data())) : null;
            AwsClients faultless = emulators == null ? AwsClients.emulatorAt(URI.create(options.endpoint()))
                    : AwsClients.emulatorAt(emulators.sqsEndpoint()).withDynamoDbAt(emulators.dynamoDbEndpoint());
            this.clients = withFaults(faultless.withInterceptors(interceptors.toArray(ExecutionInterceptor[]::new)),
                    options.faults());
            this.sqs = closing(clients.sqs());
            try (var setUp = faultless.sqs()) {
                this.queues = LocalQueues.create(setUp, QUEUE_PREFIX);
            }
            var environment = new HashMap<>(DEFAULTS);
            environment.putAll(options.environment());
            environment.put("FLOWLINE_STEP_QUEUE_URL", queues.steps().url());
            environment.put("FLOWLINE_ACTIVATION_QUEUE_URL", queues.activations().url());
            environment.put("FLOWLINE_GOAL_QUEUE_URL", queues.goals().url());
            FlowlineTables tables = FlowlineTables.fromEnvironment(environment);
            this.wakeUps = closing(new LocalWakeUps(clock, options.faults()));
            try (var dynamo = faultless.dynamoDb()) {
                tables.create(dynamo);
                this.resumedWaits = DueWaits.resume(dynamo, tables.enrolments(), wakeUps);
            }

            WakeUpScheduler requested = dueAt -> {
                wakeUps.wakeUpAt(dueAt);
                wakeUpsToo.wakeUpAt(dueAt);
            };
            AwsConfig stepsConfig = config(environment, queues.steps());
            var bus = new LocalEventBus(sqs, List.of(queues.triggers().url()), clock);
            this.events = new EventBridgeEvents(() -> bus,
                    stepsConfig.busName(), stepsConfig.maxCauseChain(), stepsConfig.defaultAccount());
            var accountScope = new AccountScope();
            this.outboxMailer = new OutboxMailer(options.outbox(), stepsConfig.mailFrom(), clock,
                    () -> accountScope.current().orElse(null));
            var mailer = new ThrottledMailer(outboxMailer, options.faults());
            var sms = new OutboxSms(options.outbox(), clock, () -> accountScope.current().orElse(null));
            this.recurringRuns = closing(new LocalRecurringRuns(clock, stepsConfig.timeZone(),
                    stepsConfig.flowSchedules().sweepInterval()));
            Function<AwsConfig, AwsEngine> engineOf = config -> AwsEngine.builder(config, clients).clock(clock)
                    .wakeUps(requested).mailer(mailer).sms(sms).recurringRuns(recurringRuns::of)
                    .accountEvents(events::forAccount).maxQueueDelay(maxQueueDelay)
                    .flowCacheTtl(AwsEngine.flowCacheTtl(environment)).build();
            this.engine = engineOf.apply(stepsConfig);
            // recurring runs are kept in memory: the development account's enabled flows get theirs again
            engine.engine().ports().flows().enabledFlows()
                    .forEach(flow -> engine.engine().scheduledActivations().saved(null, flow));
            this.devToken = devToken(engine, environment.get(DEV_TOKEN_VARIABLE));

            var waker = new DelayWakerHandler(engine);
            wakeUps.start(wakeUp -> waker.handleRequest(FlowlineJson.read(wakeUp.toJson(), Map.class), null),
                    options.tickMillis());
            closing(new EveryMinute(clock)).start(() -> waker.handleRequest(DelayWakerHandler.SWEEP, null),
                    options.tickMillis());
            recurringRuns.start(run -> waker.handleRequest(FlowlineJson.read(run.toJson(), Map.class), null),
                    options.tickMillis());
            // each function has its own dead-letter queue for poison messages, hence its own engine
            polling("trigger-evaluator", queues.triggers(),
                    new TriggerEvaluatorHandler(engineOf.apply(config(environment, queues.triggers()))));
            polling("goal-checker", queues.goals(),
                    new GoalCheckerHandler(engineOf.apply(config(environment, queues.goals()))));
            Account unnamed = stepsConfig.defaultAccount();
            polling("action-executor", queues.steps(), new AccountScopedHandler(new ActionExecutorHandler(engine),
                    accountScope, body -> QueuedStep.parse(body, unnamed).account(), unnamed));
            polling("flow-activation", queues.activations(),
                    new FlowActivationHandler(engineOf.apply(config(environment, queues.activations()))));
            AwsEngine apiEngine = engine;
            this.api = closing(new LocalApiServer(options.apiPort(), new ApiHandler(engine,
                    List.of(new OutboxRoutes(options.outbox(), request -> authenticated(apiEngine, request)))), clock,
                    devClock, token -> !token.isEmpty() && engine.apiTokens().authenticate(token)
                            .filter(apiEngine.account()::equals).isPresent()));
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    /** Starts everything; on failure, stops what had started. */
    public static LocalRuntime start(LocalOptions options) {
        return start(options, List.of(), dueAt -> { });
    }

    /**
     * Starts everything with {@code interceptors} on every SDK client and every wake-up request also told to
     * {@code wakeUpsToo}: what a benchmark counts requests and schedules with.
     */
    public static LocalRuntime start(LocalOptions options, List<ExecutionInterceptor> interceptors,
                                     WakeUpScheduler wakeUpsToo) {
        return new LocalRuntime(options, interceptors, wakeUpsToo);
    }

    private static AwsClients withFaults(AwsClients clients, FaultPlan faults) {
        if (!faults.active()) {
            return clients;
        }
        return clients.withInterceptors(new FaultInjector(faults)).withQuickRetries();
    }

    private static String devToken(AwsEngine engine, String given) {
        if (given == null || given.isBlank()) {
            return engine.apiTokens().issue(engine.account(), "development");
        }
        engine.apiTokens().register(engine.account(), "development", given);
        return given;
    }

    /** The account of the request's bearer token; the API handler let the request through, so it has one. */
    private static Account authenticated(AwsEngine engine, ApiRequest request) {
        String authorization = request.headers().getOrDefault("authorization", "");
        String token = authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")
                ? authorization.substring("bearer ".length()).strip() : "";
        return (token.isEmpty() ? Optional.<Account>empty() : engine.apiTokens().authenticate(token))
                .orElseThrow(() -> new ApiException(401, "INVALID_AUTHENTICATION",
                        "Authentication credentials not found: send Authorization: Bearer <token>.", List.of()));
    }

    private static AwsConfig config(Map<String, String> environment, LocalQueues.Queue queue) {
        var functionEnvironment = new HashMap<>(environment);
        functionEnvironment.put("FLOWLINE_DEAD_LETTER_QUEUE_URL", queue.deadLetterUrl());
        return AwsConfig.fromEnvironment(functionEnvironment);
    }

    /** The function's handler fed from its queue by {@link LocalOptions#concurrency()} pollers. */
    private void polling(String function, LocalQueues.Queue queue, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        for (int i = 0; i < options.concurrency(); i++) {
            pollers.add(closing(new SqsPoller(function, sqs, queue.url(), handler, options.pollWaitSeconds(),
                    options.faults())));
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        started.add(resource);
        return resource;
    }

    /** The engine the handlers share the stores of: flows, contacts, enrolments, history, metrics. */
    public AwsEngine engine() {
        return engine;
    }

    /** The SDK clients of the emulators, with the interceptors the runtime was started with. */
    public AwsClients clients() {
        return clients;
    }

    /** The development account's API token: {@code Authorization: Bearer <token>}. */
    public String devToken() {
        return devToken;
    }

    /** Publishes contact events of the default account on the local bus, as a CRM integration would. */
    public EventBridgeEvents events() {
        return events;
    }

    /** The development clock, when it is on. */
    public Optional<DevClock> devClock() {
        return Optional.ofNullable(devClock);
    }

    /** The outbox folder: a folder in it per account ({@link #outboxOf}). */
    public Path outbox() {
        return options.outbox();
    }

    /** The folder of {@code account}'s emails. */
    public Path outboxOf(Account account) {
        return OutboxMailer.folderOf(options.outbox(), account);
    }

    /** The folder of {@code account}'s SMS. */
    public Path smsOutboxOf(Account account) {
        return OutboxSms.folderOf(options.outbox(), account);
    }

    /** How many waits the runtime found in its kept data when it started, and gave to its wake-ups again. */
    public int resumedWaits() {
        return resumedWaits;
    }

    public URI apiUrl() {
        return URI.create("http://localhost:" + api.port());
    }

    LocalQueues queues() {
        return queues;
    }

    /** The faults this runtime injects, with how many of each it has injected. */
    public FaultPlan faults() {
        return options.faults();
    }

    OutboxMailer outboxMailer() {
        return outboxMailer;
    }

    /**
     * True when no wake-up is pending, every queue is empty and no contact event waits for the sweep: nothing more
     * will happen by itself.
     */
    public boolean idle() {
        return wakeUps.idle() && queuesEmpty() && !engine.pendingContactEvents().any();
    }

    /** True when no message waits, is being handled or is delayed on any queue. */
    boolean queuesEmpty() {
        return queues.all().stream().allMatch(queue -> empty(queue.url()));
    }

    /** How many messages the pollers received again (failed, crashed before deletion, or duplicated by SQS). */
    long redeliveries() {
        return pollers.stream().mapToLong(SqsPoller::redeliveries).sum();
    }

    /** The messages in each dead-letter queue, by the queue's URL. */
    Map<String, Long> deadLettered() {
        var counts = new TreeMap<String, Long>();
        for (LocalQueues.Queue queue : queues.all()) {
            counts.put(queue.deadLetterUrl(), Long.parseLong(sqs.getQueueAttributes(a -> a.queueUrl(queue.deadLetterUrl())
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
        }
        return counts;
    }

    private boolean empty(String queueUrl) {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    /** What runs where, for the console. */
    public List<String> describe() {
        var lines = new ArrayList<String>();
        if (emulators != null) {
            lines.add("DynamoDB Local              " + emulators.dynamoDbEndpoint());
            lines.add("ElasticMQ (SQS)             " + emulators.sqsEndpoint());
            lines.add(options.inMemory() ? "data                        in memory: lost when the runtime stops"
                    : "data                        " + options.data().toAbsolutePath().normalize()
                    + " (tables, queues, messages, development clock; --in-memory keeps nothing); "
                    + resumedWaits + " waits resumed");
        } else {
            lines.add("DynamoDB and SQS            " + options.endpoint() + " (AWS_ENDPOINT_URL; " + resumedWaits
                    + " waits resumed)");
            if (!options.inMemory() && devClock != null) {
                lines.add("data                        " + options.data().toAbsolutePath().normalize()
                        + " (the development clock only)");
            }
        }
        lines.add("queues                      " + String.join(", ", queues.all().stream().map(LocalQueues.Queue::url)
                .toList()) + " (each with a -dlq after " + LocalQueues.MAX_RECEIVES + " receives)");
        lines.add("pollers                     trigger-evaluator, goal-checker, action-executor, flow-activation ("
                + options.concurrency() + " each)");
        lines.add("event bus                   local: contact.changed, contact.activity -> triggers (-> goals when "
                + "watched)");
        lines.add("wake-ups                    local: the delay waker is called when each due minute comes, and "
                + "every minute to publish contact events left pending; flows' enrolment schedules and time sweeps "
                + "fire on the runtime's clock");
        lines.add("outbox                      " + options.outbox().toAbsolutePath().normalize()
                + "/<account>, GET " + apiUrl() + OutboxRoutes.PATH + " (the account's own); SMS in <account>/sms, GET "
                + apiUrl() + OutboxRoutes.SMS_PATH);
        lines.add("HTTP API                    " + apiUrl());
        lines.add("account                     " + engine.account() + ", token " + devToken
                + " (Authorization: Bearer <token>; " + DEV_TOKEN_VARIABLE + " chooses it)");
        lines.add(devClock == null ? "clock                       real time"
                : "development clock           GET " + apiUrl() + LocalApiServer.CLOCK_PATH + ", POST " + apiUrl()
                + LocalApiServer.CLOCK_PATH + "/advance?seconds=N (with the development token), "
                + devClock.offset().toSeconds() + " s ahead");
        if (devClock == null && !options.inMemory() && Files.exists(options.data().resolve(DEV_CLOCK_FILE))) {
            lines.add("note                        the data was written on the development clock (--dev-clock): on "
                    + "real time, the waits it set fall due later than it said");
        }
        return lines;
    }

    /** Stops the HTTP API, the pollers and wake-ups, then the emulators: the reverse of starting. */
    @Override
    public void close() {
        var failures = new ArrayList<Exception>();
        for (AutoCloseable resource : started.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            var failure = new IllegalStateException("the local runtime did not stop cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
