package dev.flowline.bench;

import dev.flowline.aws.AwsEngine;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.email.EmailTemplate;
import dev.flowline.engine.history.FlowMetricsSnapshot;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.local.DevClock;
import dev.flowline.local.FaultPlan;
import dev.flowline.local.LocalOptions;
import dev.flowline.local.LocalRuntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.flowline.bench.HubSpotJson.action;
import static dev.flowline.bench.HubSpotJson.allOf;
import static dev.flowline.bench.HubSpotJson.isEqualTo;

/**
 * The local runtime end to end, in this JVM: the real handlers on embedded DynamoDB Local and ElasticMQ, their
 * requests counted ({@link RequestCounter}), their wake-ups handed to the Scheduler adapter ({@link ScheduleCounter}).
 * <ol>
 *   <li>The emulator's raw conditional write rate.</li>
 *   <li>Contacts enrolled by events into a flow: a marketing email, a property change, a 20-minute delay. Most
 *   events come all at once, for the throughput; the rest at a steady pace, half the emulator's bound, for the
 *   time from event to first action (the email in the outbox). Once every contact waits in the delay, the
 *   development clock moves past it and the delay waker ends their enrolments.</li>
 *   <li>A flow turned on with {@code enrollExistingContacts}, through the HTTP API, over other contacts (alone:
 *   {@link #runActivation}).</li>
 * </ol>
 */
final class EndToEndBenchmark {

    /** The figures and the lines that explain them. */
    record Result(List<Figure> figures, List<String> notes) {
    }

    /** How big a run is. */
    record Size(int contacts, int pacedContacts, int existingContacts, int rawWrites) {

        static final Size FULL = of(10_000);
        static final Size SMOKE = new Size(200, 20, 300, 300);

        /** {@code contacts} in the flow, 3% of them paced, twice as many existing contacts. */
        static Size of(int contacts) {
            return new Size(contacts, Math.max(20, contacts * 3 / 100), 2 * contacts, 5_000);
        }
    }

    static final int ACTIONS_PER_CONTACT = 3;
    private static final Duration DEADLINE = Duration.ofMinutes(60);
    private static final String FLOW_ID = "bench-e2e";
    private static final String ACTIVATED_FLOW = "bench-existing";
    /** Items in transactions are measured over more writes than lone puts, which are that much slower. */
    private static final int TRANSACTION_ITEMS_PER_LONE_WRITE = 4;

    private final Size size;
    private final boolean activationOnly;
    private final RequestCounter counter = new RequestCounter();
    private final ScheduleCounter schedules = new ScheduleCounter();
    private final List<Figure> figures = new ArrayList<>();
    /** Measured with the functions' flow cache on, as a deployment that sets FLOWLINE_FLOW_CACHE_SECONDS=10. */
    static final int FLOW_CACHE_SECONDS = 10;
    /** Pollers per function: the concurrent batches Lambda's SQS event source mapping starts with. */
    static final int CONCURRENCY = 5;

    private final List<String> notes = new ArrayList<>();

    private EndToEndBenchmark(Size size, boolean activationOnly) {
        this.size = size;
        this.activationOnly = activationOnly;
    }

    static Result run(Size size) {
        return new EndToEndBenchmark(size, false).run();
    }

    /** The activation of existing contacts alone, without the flow enrolled by events before it. */
    static Result runActivation(Size size) {
        return new EndToEndBenchmark(size, true).run();
    }

    private Result run() {
        Path outbox = temporaryOutbox();
        try (var heap = new HeapPeak();
             var runtime = LocalRuntime.start(new LocalOptions(0, outbox, true, 0, 0, null,
                     Map.of("FLOWLINE_FLOW_CACHE_SECONDS", String.valueOf(FLOW_CACHE_SECONDS)), 1, 50,
                     FaultPlan.NONE, CONCURRENCY),
                     List.of(counter), schedules)) {
            counter.billIndexes(runtime.clients().dynamoDb());
            notes.add("flow definitions cached for " + FLOW_CACHE_SECONDS + " s (FLOWLINE_FLOW_CACHE_SECONDS; off by default);"
                    + " " + CONCURRENCY + " pollers per function, as Lambda's SQS event source mapping starts with");
            if (!activationOnly) {
                double rawWrites = EmulatorWriteRate.measure(runtime.clients().dynamoDb(), size.rawWrites());
                figures.add(Figure.report("emulator: raw conditional writes", rawWrites, "writes/s"));
                notes.add(String.format(Locale.ROOT, "raw writes: %,d conditional puts of 400-byte items from %d threads",
                        size.rawWrites(), EmulatorWriteRate.THREADS));
                endToEnd(runtime, outbox, rawWrites, heap);
            }
            activation(runtime);
        } catch (Exception e) {
            throw new IllegalStateException("the end-to-end benchmark failed", e);
        } finally {
            delete(outbox);
        }
        return new Result(figures, notes);
    }

    private void endToEnd(LocalRuntime runtime, Path outbox, double rawWrites, HeapPeak heap) throws Exception {
        AwsEngine engine = runtime.engine();
        engine.engine().ports().emailTemplates().put(new EmailTemplate("welcome", "Welcome", null,
                "Hello {{ contact.email }}", Instant.EPOCH, Instant.EPOCH));
        engine.engine().ports().flows().save(newFlow(HubSpotJson.flow(FLOW_ID,
                allOf(List.of(isEqualTo("cohort", "e2e"))), List.of(
                action(1, "0-4", """
                        {"content_id":"welcome"}""", 2),
                action(2, "0-5", """
                        {"property_name":"lifecyclestage","value":{"type":"STATIC_VALUE","staticValue":"lead"}}""", 3),
                action(3, "0-1", """
                        {"delta":"20","time_unit":"MINUTES"}""", null)))));
        saveContacts(engine, size.contacts(), i -> contact("c" + i, "e2e"));
        Thread waker = RequestCounter.wakerThread().orElseThrow();
        long[] wakerAtStart = RequestCounter.wakerFigures(waker);
        counter.start();

        // all at once: the throughput, until every contact waits in the delay
        int bulk = size.contacts() - size.pacedContacts();
        var published = new ConcurrentHashMap<String, Instant>();
        long start = System.nanoTime();
        int threads = 2;
        try (var pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(RequestCounter.CRM_THREAD + "-", 0)
                .factory())) {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < bulk; i += threads) {
                        publish(runtime, "c" + i, published);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        await(engine, FLOW_ID, m -> succeeded(m, "3") >= bulk, "every contact waits in the delay");
        double seconds = (System.nanoTime() - start) / 1e9;
        double stepsPerSecond = ACTIONS_PER_CONTACT * bulk / seconds;

        // paced at half the emulator's bound: the time from event to first action, below saturation
        double writesPerContact = (double) counter.counts().dynamoWriteItems() / bulk;
        double pacedPerSecond = rawWrites / writesPerContact / 2;
        long pace = (long) (1e9 / pacedPerSecond);
        published.clear();
        long pacedStart = System.nanoTime();
        onThread(() -> {
            for (int i = 0; i < size.pacedContacts(); i++) {
                sleepUntil(pacedStart + i * pace);
                publish(runtime, "c" + (bulk + i), published);
            }
        });
        await(engine, FLOW_ID, m -> succeeded(m, "3") >= size.contacts(), "the paced contacts wait in the delay");
        double[] latencies = latencies(runtime.outboxOf(engine.account()), published);

        DevClock clock = runtime.devClock().orElseThrow();
        clock.advance(Duration.ofMinutes(21));
        await(engine, FLOW_ID, m -> m.completed() >= size.contacts(), "every enrolment completed after the delay");
        counter.addWaker(waker, wakerAtStart[0], wakerAtStart[1], schedules.created());
        counter.stop();

        var counts = counter.counts();
        long steps = (long) ACTIONS_PER_CONTACT * size.contacts();
        double writesPerStep = (double) counts.dynamoWriteItems() / steps;
        double requestsPerStep = (double) counts.total() / steps;
        figures.add(Figure.report("e2e: action steps", stepsPerSecond, "steps/s"));
        figures.add(Figure.report("e2e: event to first action p50", latencies[latencies.length / 2], "s"));
        figures.add(Figure.atMost("e2e: event to first action p99", percentile(latencies, 0.99), "s", 2));
        figures.add(Figure.report("e2e: DynamoDB writes per step", writesPerStep, "writes"));
        figures.add(Figure.atMost("e2e: DynamoDB write units per step", counts.writeUnits() / steps, "units", 4)
                .boundedBy("the items a step writes, by table or index: "
                        + largest(counts.writeUnitsByKind(), kind -> kind.split(" ")[1], steps)));
        figures.add(Figure.atLeast("e2e: ratio to emulator bound", stepsPerSecond / (rawWrites / writesPerStep),
                "ratio", 0.5));
        figures.add(Figure.atMost("e2e: AWS requests per step", requestsPerStep, "requests", 4)
                .boundedBy("the requests each handler makes a step: "
                        + largest(counts.byHandlerAndOperation(), operation -> operation.split(" ")[0], steps)));
        figures.add(Figure.atMost("e2e: schedules created", schedules.created(), "schedules", schedules.dueMinutes()));
        notes.add(String.format(Locale.ROOT, "end to end: %,d contacts, %,d action steps; %,d events at once for the"
                        + " throughput (%.1f s until all waited in the delay), then %,d paced at %.1f/s (half the"
                        + " emulator's bound) for the time from event to first action (its email in the outbox); then"
                        + " the development clock passed the delay", size.contacts(), steps, bulk, seconds,
                size.pacedContacts(), pacedPerSecond));
        notes.add(String.format(Locale.ROOT, "wake-ups: %,d requests over %,d distinct due minutes; the Scheduler"
                        + " adapter made %,d create calls, %,d schedules", schedules.requests(), schedules.dueMinutes(),
                schedules.createCalls(), schedules.created()));
        notes.add(String.format(Locale.ROOT, "write units per action step: %.2f, of which %.2f in global secondary"
                + " indexes (billed from the tables' index definitions, as AWS bills them, in place of DynamoDB Local's count)",
                counts.writeUnits() / steps, counts.indexWriteUnits() / steps));
        notes.add("write units per action step, by handler, table (or table/index) and operation:");
        counts.writeUnitsByKind().forEach((kind, units) -> notes.add(String.format(Locale.ROOT,
                "    %-70s %8.3f", kind, units / steps)));
        notes.add("requests per action step, by operation (all handlers):");
        counts.byOperation().forEach((operation, n) -> notes.add(String.format(Locale.ROOT, "    %-40s %8.3f",
                operation, (double) n / steps)));
        notes.add("requests per action step, by handler and operation:");
        counts.byHandlerAndOperation().forEach((operation, n) -> notes.add(String.format(Locale.ROOT,
                "    %-58s %8.3f", operation, (double) n / steps)));
        heapAndCost(counts, steps, heap);
    }

    /** The largest groups of {@code counted}, grouped by {@code group} of their keys, per step: "a 1.70, b 0.67". */
    private static String largest(Map<String, ? extends Number> counted, Function<String, String> group, long steps) {
        Map<String, Double> groups = new HashMap<>();
        counted.forEach((key, n) -> groups.merge(group.apply(key), n.doubleValue() / steps, Double::sum));
        return groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(4)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Each handler's seconds at the memory template.yaml gives its function. */
    private static double gigabyteSeconds(RequestCounter.Counts counts) throws IOException {
        DeployedFunctions deployed = DeployedFunctions.of(Path.of(".."));
        return counts.handlers().entrySet().stream()
                .mapToDouble(handler -> handler.getValue().seconds() * deployed.memoryMbOf(handler.getKey()) / 1024.0)
                .sum();
    }

    private void heapAndCost(RequestCounter.Counts counts, long steps, HeapPeak heap) throws IOException {
        long live = heap.bytes();
        double mb = 1024 * 1024;
        figures.add(Figure.report("heap: JVM peak live after GC", live / mb, "MB"));
        notes.add("heap: one JVM runs every handler, both emulators and this benchmark; its peak heap right after a"
                + " collection bounds each handler's live heap. A handler's peak heap bound is that plus the most"
                + " one of its invocations allocated (ThreadMXBean; the waker's average wake-up)");
        new java.util.TreeMap<>(counts.handlers()).forEach((handler, stats) -> figures.add(Figure.atMost(
                "heap: " + handler + " peak bound", (live + stats.maxAllocatedBytes()) / mb, "MB", 256)));

        long lambdaInvocations = counts.handlers().values().stream().mapToLong(HandlerStats::invocations).sum();
        var usage = new AwsPrices.Usage(counts.readUnits(), counts.writeUnits(),
                counts.ofService("SQS"), counts.events(), schedules.created(), size.contacts(), lambdaInvocations,
                gigabyteSeconds(counts));
        figures.add(Figure.atMost("cost per million steps (no SES)", usage.engineDollars() / steps * 1e6, "USD", 3)
                .boundedBy("its dearest parts, " + usage.dearestPerMillion(steps, 3)));
        figures.add(Figure.report("cost per million steps with SES", (usage.engineDollars() + usage.emailDollars())
                / steps * 1e6, "USD"));
        notes.add(AwsPrices.stated());
        notes.add("cost per million action steps (Lambda seconds: each invocation's CPU and request time, from the"
                + " receive that brought its messages to the next; one email every " + ACTIONS_PER_CONTACT + " steps):");
        notes.addAll(usage.breakdownPerMillion(steps));
        counts.handlers().forEach((handler, stats) -> notes.add(String.format(Locale.ROOT,
                "    %-18s %,8d invocations, %8.1f ms each on average, at most %6.1f MB allocated in one", handler,
                stats.invocations(), stats.seconds() * 1000 / Math.max(1, stats.invocations()),
                stats.maxAllocatedBytes() / mb)));
    }

    /**
     * A flow turned on with its existing contacts, through the HTTP API. Its bound is the emulator's time for the
     * writes made meanwhile by every handler (the enrolments, and the first steps and reactions run at the same
     * time, on the same emulator), each priced by its shape at the emulator's rates measured just before: a lone
     * put, update or delete at the rate of lone conditional puts, an item of a transaction or batch at the rate of
     * items in transactions of a hundred. Reads are not priced, so the bound is, if anything, too high.
     */
    private void activation(LocalRuntime runtime) throws Exception {
        AwsEngine engine = runtime.engine();
        saveContacts(engine, size.existingContacts(), i -> contact("x" + i, "existing"));
        double lone = EmulatorWriteRate.measure(runtime.clients().dynamoDb(), size.rawWrites());
        double inTransactions = EmulatorWriteRate.measureTransactions(runtime.clients().dynamoDb(),
                TRANSACTION_ITEMS_PER_LONE_WRITE * size.rawWrites());
        figures.add(Figure.report("emulator: lone writes (activation)", lone, "writes/s"));
        figures.add(Figure.report("emulator: items in transactions", inTransactions, "items/s"));
        String flow = unsaved(HubSpotJson.flow(ACTIVATED_FLOW, allOf(List.of(isEqualTo("cohort", "existing"))), List.of(
                action(1, "0-1", """
                        {"delta":"1","time_unit":"DAYS"}""", null))));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        Map<Long, Long> threadsAtStart = ThreadCpu.now();
        // its figures count items and requests, not write units
        counter.stopBillingIndexes();
        counter.start();
        long start = System.nanoTime();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        runtime.apiUrl().resolve(URI.create("/automation/v4/flows?enrollExistingContacts=true")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + runtime.devToken())
                .POST(HttpRequest.BodyPublishers.ofString(flow)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("the flow was not created: " + created.body());
        }
        String flowId = Flow.parse(created.body()).id();
        await(engine, flowId, m -> m.enrolled() >= size.existingContacts(), "every existing contact is enrolled");
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        Map<String, Long> threadCpu = ThreadCpu.since(threadsAtStart);
        counter.stop();
        var counts = counter.counts();
        int contacts = size.existingContacts();
        double perContact = (double) counts.ofHandler("flow-activation") / contacts;
        double writesPerContact = (double) counts.dynamoWriteItemsByHandler().getOrDefault("flow-activation", 0L)
                / contacts;
        double perSecond = contacts / seconds;
        double emulatorSeconds = emulatorWriteSeconds(counts, null, lone, inTransactions);
        double activationSeconds = emulatorWriteSeconds(counts, "flow-activation", lone, inTransactions);
        figures.add(Figure.report("activation: time", seconds, "s"));
        figures.add(Figure.atMost("activation: requests per contact", perContact, "requests", 3));
        HandlerStats activationStats = counts.handlers().getOrDefault("flow-activation", new HandlerStats());
        figures.add(Figure.atLeast("activation: ratio to emulator bound", emulatorSeconds / seconds, "ratio", 0.7)
                .boundedBy(String.format(Locale.ROOT, "its requests made one after another, %.0f to a page of 100"
                                + " contacts, %.0f ms each with the CPU between them, in the invocations the segments'"
                                + " batches allow; the emulator's writes take %.0f%% of the time, and this JVM (every"
                                + " handler, both emulators) %.0f%% of the %d cores",
                        perContact * 100, activationStats.seconds() * 1000
                                / Math.max(1, counts.ofHandler("flow-activation")), 100 * emulatorSeconds / seconds,
                        100 * cpuSeconds / (seconds * os.getAvailableProcessors()), os.getAvailableProcessors())));
        notes.add(String.format(Locale.ROOT, "activation: %,d existing contacts enrolled in %.1f s (%.0f/s), %.2f"
                        + " DynamoDB items written per contact; the action executor ran each enrolment's first step"
                        + " meanwhile, on the same emulator", contacts, seconds, perSecond, writesPerContact));
        notes.add(String.format(Locale.ROOT, "    emulator just before: %.0f lone conditional puts/s, %.0f items/s in"
                        + " transactions of %d (%.1f times cheaper an item); priced so, the writes of every handler"
                        + " meanwhile (%.2f items per contact) bound it at %.0f contacts/s, the activation's alone at"
                        + " %.0f contacts/s", lone, inTransactions, EmulatorWriteRate.ITEMS_PER_TRANSACTION,
                inTransactions / lone, (double) counts.dynamoWriteItems() / contacts, contacts / emulatorSeconds,
                contacts / activationSeconds));
        notes.add(String.format(Locale.ROOT, "    this JVM (handlers, emulators, benchmark) used %.1f s of CPU in"
                        + " those %.1f s, %.0f%% of %d cores; load average %.1f", cpuSeconds, seconds,
                100 * cpuSeconds / (seconds * os.getAvailableProcessors()), os.getAvailableProcessors(),
                os.getSystemLoadAverage()));
        counts.handlers().forEach((handler, stats) -> notes.add(String.format(Locale.ROOT,
                "      %-18s %,6d invocations, %6.1f s of CPU and request time in all", handler, stats.invocations(),
                stats.seconds())));
        threadCpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> notes.add(String.format(Locale.ROOT, "      %-40s %6.2f ms of CPU per contact",
                        e.getKey(), e.getValue() / 1e6 / contacts)));
        counts.byHandlerAndOperation().entrySet().stream().filter(e -> e.getKey().startsWith("flow-activation "))
                .forEach(e -> notes.add(String.format(Locale.ROOT, "    %-58s %8.3f", e.getKey(),
                        (double) e.getValue() / contacts)));
    }

    /**
     * The emulator's time for the DynamoDB writes of {@code handler} (null: of every handler): each lone write at
     * {@code lone} writes/s, each item of a transaction or batch at {@code inTransactions} items/s.
     */
    private static double emulatorWriteSeconds(RequestCounter.Counts counts, String handler, double lone,
                                               double inTransactions) {
        Map<String, Long> requests = handler == null ? counts.byOperation() : counts.byHandlerAndOperation();
        String prefix = handler == null ? "DynamoDB " : handler + " DynamoDB ";
        long lones = Stream.of("PutItem", "UpdateItem", "DeleteItem")
                .mapToLong(operation -> requests.getOrDefault(prefix + operation, 0L)).sum();
        long items = handler == null ? counts.dynamoWriteItems()
                : counts.dynamoWriteItemsByHandler().getOrDefault(handler, 0L);
        return lones / lone + (items - lones) / inTransactions;
    }

    private static Flow newFlow(String json) {
        return Flow.parse(unsaved(json));
    }

    /** A flow never saved has no revision yet. */
    private static String unsaved(String json) {
        return json.replace("\"revisionId\":\"1\",", "");
    }

    private static long succeeded(FlowMetricsSnapshot metrics, String actionId) {
        return metrics.actions().getOrDefault(actionId, Map.of()).getOrDefault(HistoryKind.ACTION_SUCCEEDED, 0L);
    }

    private static Contact contact(String id, String cohort) {
        var contact = new Contact(id);
        Instant now = Instant.now();
        contact.setProperty("email", id + "@example.com", now);
        contact.setProperty("firstname", "Contact " + id, now);
        contact.setProperty("cohort", cohort, now);
        return contact;
    }

    /** Saves contacts as the CRM would have, from a few threads (not counted: they are the run's setting). */
    private static void saveContacts(AwsEngine engine, int count, IntFunction<Contact> contact) {
        IntStream.range(0, count).parallel()
                .forEach(i -> engine.engine().ports().contacts().create(contact.apply(i)));
    }

    private static void publish(LocalRuntime runtime, String contactId, Map<String, Instant> published) {
        published.put(contactId + "@example.com", Instant.now());
        runtime.events().propertiesChanged(contactId, Set.of("cohort"));
    }

    /** Seconds from each event {@code published} to its contact's email landing in the outbox, sorted. */
    private static double[] latencies(Path outbox, Map<String, Instant> published) throws IOException {
        try (var files = Files.list(outbox)) {
            return files.filter(file -> file.toString().endsWith(".eml")).flatMapToDouble(file -> {
                try {
                    String to = Files.readAllLines(file).stream().filter(line -> line.startsWith("To: ")).findFirst()
                            .orElseThrow().substring(4);
                    Instant sent = Files.getLastModifiedTime(file).toInstant();
                    return published.containsKey(to)
                            ? DoubleStream.of(Duration.between(published.get(to), sent).toNanos() / 1e9)
                            : DoubleStream.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toArray();
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Polls the flow's metrics until {@code reached}: processing going on, not time passing. */
    private static void await(AwsEngine engine, String flowId, Predicate<FlowMetricsSnapshot> reached, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!reached.test(engine.engine().ports().metrics().snapshot(flowId))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not reached within " + DEADLINE + ": " + what);
            }
            sleepUntil(System.nanoTime() + 200_000_000L);
        }
    }

    private static void onThread(Runnable work) throws InterruptedException, ExecutionException {
        try (var pool = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(RequestCounter.CRM_THREAD).factory())) {
            pool.submit(work).get();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The outbox, its folder per account and their emails. */
    private static void delete(Path outbox) {
        try (var files = Files.walk(outbox)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryOutbox() {
        try {
            return Files.createTempDirectory("flowline-bench-outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
