package dev.flowline.bench;

import dev.flowline.aws.AwsClients;
import dev.flowline.aws.AwsConfig;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.DueStepDrain;
import dev.flowline.aws.dynamodb.DueEnrolments;
import dev.flowline.aws.dynamodb.FlowlineTables;
import dev.flowline.aws.scheduler.WakeUp;
import dev.flowline.aws.sqs.QueuedStep;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.json.FlowlineJson;
import dev.flowline.functions.delaywaker.DelayWakerHandler;
import dev.flowline.local.EmbeddedEmulators;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The delay waker's drain of a crowded minute, on DynamoDB Local and ElasticMQ embedded in this JVM: enrolments
 * due in one minute are written straight into the due index ({@code DueEnrolments.write}, 25 to a request), then
 * the waker's handler is invoked with the minute's wake-up and queues their steps. Its rate (steps queued per
 * second, from the invocation to its return) is set against the emulator's raw send rate: the same messages in
 * plain SendMessageBatch requests of ten, from as many threads as the waker has requests in flight.
 */
final class WakerDrainBenchmark {

    /** How many enrolments are due in the minute. */
    record Size(int enrolments) {
        static final Size FULL = new Size(100_000);
        static final Size SMOKE = new Size(2_000);
    }

    /** The figures and the lines that explain them. */
    record Result(List<Figure> figures, List<String> notes) {
    }

    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");
    private static final int FILL_THREADS = 4;
    private static final int BATCH = 10;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private WakerDrainBenchmark() {
    }

    static Result run(Size size) {
        try (var emulators = new EmbeddedEmulators(0, 0);
             var sqs = clients(emulators).sqs();
             var dynamo = clients(emulators).dynamoDb()) {
            FlowlineTables tables = FlowlineTables.defaults();
            tables.create(dynamo);
            var environment = new HashMap<>(tables.environment());
            environment.put("FLOWLINE_STEP_QUEUE_URL", queue(sqs, "bench-steps"));
            AwsConfig config = AwsConfig.fromEnvironment(environment);
            // the wake-up runs at the end of its minute: every step is due, none waits on the queue
            AwsEngine engine = AwsEngine.builder(config, clients(emulators))
                    .clock(Clock.fixed(MINUTE.plusSeconds(60), ZoneOffset.UTC)).wakeUps(dueAt -> { }).build();

            List<Enrolment> due = IntStream.range(0, size.enrolments()).mapToObj(i ->
                    Enrolment.start("bench-flow", "c" + i, 1, EnrolmentSource.TRIGGER, "1", MINUTE.minusSeconds(3_600))
                            .advance("2", MINUTE.plusSeconds(i % 60))).toList();
            long fillStart = System.nanoTime();
            inParallel(FILL_THREADS, size.enrolments() / 1_000 + 1, chunk -> engine.dueEnrolments().write(
                    config.defaultAccount(), due.subList(Math.min(chunk * 1_000, due.size()),
                            Math.min((chunk + 1) * 1_000, due.size()))));
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            List<String> bodies = due.stream()
                    .map(e -> new QueuedStep(config.defaultAccount(), e.nextStep(), List.of()).toJson()).toList();
            // once to warm up the client and the emulator, then measured
            sendRaw(sqs, queue(sqs, "bench-warm-up"), bodies.subList(0, bodies.size() / 10));
            String rawQueue = queue(sqs, "bench-raw-sends");
            long rawStart = System.nanoTime();
            double rawCpuPerMessage = sendRaw(sqs, rawQueue, bodies) / 1e3 / bodies.size();
            double rawRate = bodies.size() / ((System.nanoTime() - rawStart) / 1e9);
            expect(sqs, rawQueue, bodies.size());

            // the due index alone, read as the drain reads it (every shard at once): what bounds the drain here, as
            // DynamoDB Local's first read of an index is its slowest (the raw sends have their warm-up too)
            var read = new LongAdder();
            long readStart = System.nanoTime();
            inParallel(DueEnrolments.SHARDS, DueEnrolments.SHARDS, shard -> engine.dueEnrolments()
                    .pages(MINUTE, shard).forEach(page -> read.add(page.size())));
            double readRate = read.sum() / ((System.nanoTime() - readStart) / 1e9);

            var waker = new DelayWakerHandler(engine);
            Map<String, Object> wakeUp = FlowlineJson.read(new WakeUp(MINUTE).toJson(), Map.class);
            long cpuBefore = wakerCpuNanos();
            long wakeStart = System.nanoTime();
            waker.handleRequest(wakeUp, null);
            double wakeSeconds = (System.nanoTime() - wakeStart) / 1e9;
            double cpuPerStep = (wakerCpuNanos() - cpuBefore) / 1e3 / size.enrolments();
            expect(sqs, config.stepQueueUrl(), size.enrolments());
            double stepsPerSecond = size.enrolments() / wakeSeconds;

            return new Result(List.of(
                    Figure.report("waker: emulator raw sends", rawRate, "messages/s"),
                    Figure.report("waker: emulator due-index 1st read", readRate, "enrolments/s"),
                    Figure.report("waker: drain of one minute", stepsPerSecond, "steps/s"),
                    Figure.atLeast("waker: ratio to raw sends", stepsPerSecond / rawRate, "ratio", 0.5),
                    Figure.report("waker: CPU per step", cpuPerStep, "µs"),
                    Figure.report("waker: raw sends' CPU per message", rawCpuPerMessage, "µs")),
                    List.of(String.format(Locale.ROOT, "waker: %,d enrolments due in one minute (written in %.1f s);"
                                    + " the handler queued them in %.1f s with %d requests in flight, over %d due-index"
                                    + " shards read at once; raw sends: the same %,d messages, %d to a request, from %d"
                                    + " threads; load %.1f", size.enrolments(), fillSeconds, wakeSeconds,
                            DueStepDrain.SENDS_IN_FLIGHT, DueEnrolments.SHARDS, bodies.size(), BATCH,
                            DueStepDrain.SENDS_IN_FLIGHT,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
        } catch (Exception e) {
            throw new IllegalStateException("the waker benchmark failed", e);
        }
    }

    /** Sends {@code bodies} ten to a request, as many requests at once as the waker has in flight. */
    private static long sendRaw(SqsClient sqs, String queueUrl, List<String> bodies) throws Exception {
        return inParallel(DueStepDrain.SENDS_IN_FLIGHT, (bodies.size() + BATCH - 1) / BATCH, batch -> sqs.sendMessageBatch(
                b -> b.queueUrl(queueUrl).entries(IntStream.range(batch * BATCH, Math.min((batch + 1) * BATCH,
                        bodies.size())).mapToObj(i -> SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i % BATCH)).messageBody(bodies.get(i)).build()).toList())));
    }

    private static AwsClients clients(EmbeddedEmulators emulators) {
        return AwsClients.emulatorAt(emulators.sqsEndpoint()).withDynamoDbAt(emulators.dynamoDbEndpoint());
    }

    private static String queue(SqsClient sqs, String name) {
        return sqs.createQueue(q -> q.queueName(name)).queueUrl();
    }

    /** Fails unless {@code count} messages wait on the queue: each step queued once. */
    private static void expect(SqsClient sqs, String queueUrl, int count) {
        String waiting = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        if (Integer.parseInt(waiting) != count) {
            throw new IllegalStateException(waiting + " messages on " + queueUrl + ", not " + count);
        }
    }

    /** The CPU time so far of the threads the waker's drain runs on. */
    private static long wakerCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == Thread.currentThread() || t.getName().startsWith(DueStepDrain.THREAD_PREFIX))
                .mapToLong(t -> THREADS.getThreadCpuTime(t.threadId())).sum();
    }

    /** Runs {@code task} for 0 to {@code tasks - 1} on {@code threads} threads, waits for all: their CPU time. */
    private static long inParallel(int threads, int tasks, IntConsumer task) throws Exception {
        var started = new CopyOnWriteArrayList<Thread>();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable);
            started.add(thread);
            return thread;
        };
        try (var pool = Executors.newFixedThreadPool(threads, factory)) {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < tasks; t++) {
                int index = t;
                done.add(pool.submit(() -> task.accept(index)));
            }
            for (Future<?> future : done) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return started.stream().mapToLong(t -> THREADS.getThreadCpuTime(t.threadId())).sum();
        }
    }
}
