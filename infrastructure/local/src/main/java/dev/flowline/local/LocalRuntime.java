package dev.flowline.local;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.AwsConfig;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.ConfiguredRecipients;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.messaging.EventBridgeEvents;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.functions.actionexecutor.ActionExecutorHandler;
import dev.flowline.functions.api.ApiHandler;
import dev.flowline.functions.api.FlowActivationHandler;
import dev.flowline.functions.delaywaker.DelayWakerHandler;
import dev.flowline.functions.goalchecker.GoalCheckerHandler;
import dev.flowline.functions.triggerevaluator.TriggerEvaluatorHandler;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Flowline on one machine: the Lambda handlers, driven as Lambda drives them, on embedded DynamoDB Local and
 * ElasticMQ (or the emulator {@code AWS_ENDPOINT_URL} names). SQS pollers feed the trigger, goal, step and
 * activation queues to their handlers; a local bus routes the engine's events to the trigger and goal queues; local wake-ups call
 * the delay waker when their minute comes; emails go to an outbox folder; webhooks are really sent; the HTTP API
 * listens on a loopback port.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final String QUEUE_PREFIX = "flowline-";
    private static final Map<String, String> DEFAULTS = Map.of(
            "FLOWLINE_MAIL_FROM", "flowline@localhost",
            "FLOWLINE_WEBHOOK_HTTP_HOSTS", "localhost,127.0.0.1",
            "FLOWLINE_WEBHOOK_SECRET", "local-webhook-secret");

    private final LocalOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final DevClock devClock;
    private final EmbeddedEmulators emulators;
    private final SqsClient sqs;
    private final LocalQueues queues;
    private final LocalWakeUps wakeUps;
    private final EventBridgeEvents events;
    private final AwsEngine engine;
    private final LocalApiServer api;

    private LocalRuntime(LocalOptions options) {
        this.options = options;
        this.devClock = options.devClock() ? new DevClock(Clock.systemUTC()) : null;
        Clock clock = devClock != null ? devClock : Clock.systemUTC();
        // on the development clock every wait is a wake-up, which follows that clock, not an SQS delay
        Duration maxQueueDelay = devClock != null ? Duration.ZERO : Duration.ofMinutes(15);
        try {
            this.emulators = options.endpoint() == null
                    ? closing(new EmbeddedEmulators(options.dynamoDbPort(), options.sqsPort())) : null;
            AwsClients clients = emulators == null ? AwsClients.emulatorAt(URI.create(options.endpoint()))
                    : AwsClients.emulatorAt(emulators.sqsEndpoint()).withDynamoDbAt(emulators.dynamoDbEndpoint());
            this.sqs = closing(clients.sqs());
            this.queues = LocalQueues.create(sqs, QUEUE_PREFIX);
            var environment = new HashMap<>(DEFAULTS);
            environment.putAll(options.environment());
            environment.put("FLOWLINE_STEP_QUEUE_URL", queues.steps().url());
            environment.put("FLOWLINE_ACTIVATION_QUEUE_URL", queues.activations().url());
            try (var dynamo = clients.dynamoDb()) {
                FlowlineTables.fromEnvironment(environment).create(dynamo);
            }

            this.wakeUps = closing(new LocalWakeUps(clock));
            AwsConfig stepsConfig = config(environment, queues.steps());
            this.events = new EventBridgeEvents(
                    new LocalEventBus(sqs, List.of(queues.triggers().url(), queues.goals().url()), clock),
                    stepsConfig.busName(), stepsConfig.maxCauseChain());
            var mailer = new OutboxMailer(options.outbox(), stepsConfig.mailFrom(),
                    new ConfiguredRecipients(stepsConfig.userEmails()), clock);
            Function<AwsConfig, AwsEngine> engineOf = config -> AwsEngine.builder(config, clients).clock(clock)
                    .wakeUps(wakeUps).mailer(mailer).events(events).maxQueueDelay(maxQueueDelay).build();
            this.engine = engineOf.apply(stepsConfig);

            var waker = new DelayWakerHandler(engine);
            wakeUps.start(wakeUp -> waker.handleRequest(FlowlineJson.read(wakeUp.toJson(), Map.class), null),
                    options.tickMillis());
            // each function has its own dead-letter queue for poison messages, hence its own engine
            closing(new SqsPoller("trigger-evaluator", sqs, queues.triggers().url(),
                    new TriggerEvaluatorHandler(engineOf.apply(config(environment, queues.triggers()))),
                    options.pollWaitSeconds()));
            closing(new SqsPoller("goal-checker", sqs, queues.goals().url(),
                    new GoalCheckerHandler(engineOf.apply(config(environment, queues.goals()))),
                    options.pollWaitSeconds()));
            closing(new SqsPoller("action-executor", sqs, queues.steps().url(), new ActionExecutorHandler(engine),
                    options.pollWaitSeconds()));
            closing(new SqsPoller("flow-activation", sqs, queues.activations().url(),
                    new FlowActivationHandler(engineOf.apply(config(environment, queues.activations()))),
                    options.pollWaitSeconds()));
            this.api = closing(new LocalApiServer(options.apiPort(),
                    new ApiHandler(engine, List.of(new OutboxRoutes(options.outbox()))), clock, devClock));
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
        return new LocalRuntime(options);
    }

    private static AwsConfig config(Map<String, String> environment, LocalQueues.Queue queue) {
        var functionEnvironment = new HashMap<>(environment);
        functionEnvironment.put("FLOWLINE_DEAD_LETTER_QUEUE_URL", queue.deadLetterUrl());
        return AwsConfig.fromEnvironment(functionEnvironment);
    }

    private <T extends AutoCloseable> T closing(T resource) {
        started.add(resource);
        return resource;
    }

    /** The engine the handlers share the stores of: flows, contacts, enrolments, history, metrics. */
    public AwsEngine engine() {
        return engine;
    }

    /** Publishes contact events on the local bus, as a CRM integration would on the event bus. */
    public EventBridgeEvents events() {
        return events;
    }

    /** The development clock, when it is on. */
    public Optional<DevClock> devClock() {
        return Optional.ofNullable(devClock);
    }

    public Path outbox() {
        return options.outbox();
    }

    public URI apiUrl() {
        return URI.create("http://localhost:" + api.port());
    }

    LocalQueues queues() {
        return queues;
    }

    /** True when no wake-up is pending and every queue is empty: nothing more will happen by itself. */
    public boolean idle() {
        return wakeUps.idle() && queues.all().stream().allMatch(queue -> empty(queue.url()));
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
            lines.add("DynamoDB Local (in memory)  " + emulators.dynamoDbEndpoint());
            lines.add("ElasticMQ (SQS)             " + emulators.sqsEndpoint());
        } else {
            lines.add("DynamoDB and SQS            " + options.endpoint() + " (AWS_ENDPOINT_URL)");
        }
        lines.add("queues                      " + String.join(", ", queues.all().stream().map(LocalQueues.Queue::url)
                .toList()) + " (each with a -dlq after " + LocalQueues.MAX_RECEIVES + " receives)");
        lines.add("pollers                     trigger-evaluator, goal-checker, action-executor, flow-activation");
        lines.add("event bus                   local: contact.changed, contact.activity -> triggers, goals");
        lines.add("wake-ups                    local: the delay waker is called when each due minute comes");
        lines.add("outbox                      " + options.outbox().toAbsolutePath().normalize() + ", GET " + apiUrl()
                + OutboxRoutes.PATH);
        lines.add("HTTP API                    " + apiUrl());
        lines.add(devClock == null ? "clock                       real time"
                : "development clock           GET " + apiUrl() + LocalApiServer.CLOCK_PATH + ", POST " + apiUrl()
                + LocalApiServer.CLOCK_PATH + "/advance?seconds=N");
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
