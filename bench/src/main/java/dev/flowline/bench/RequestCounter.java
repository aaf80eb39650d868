package dev.flowline.bench;

import dev.flowline.aws.DueStepDrain;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the AWS requests the handlers make, as AWS would bill them, per service and operation, from the SDK
 * clients of the local runtime. A request counts when it is made on a handler's thread (the SQS pollers, the
 * wake-ups and the threads the waker sends from) or by the CRM's event publisher; the benchmark's own reads do not. What the local runtime does
 * differently from AWS is translated:
 * <ul>
 *   <li>the local event bus delivers an event by sending it to the trigger queue: the send counts as the one
 *   EventBridge {@code PutEvents} it stands for (the trigger evaluator's sends to the goal queue count as
 *   themselves);</li>
 *   <li>a receive that brings messages is a Lambda invocation by the event source mapping, and counts as an SQS
 *   request; empty long polls do not (AWS's pollers make them whatever the load).</li>
 * </ul>
 * DynamoDB requests ask for their consumed capacity, so that read and write request units are DynamoDB's own;
 * a write's units are those of its table alone, and those of its global secondary indexes, which DynamoDB Local
 * counts whenever an indexed item is written, are added as AWS bills them ({@link IndexWrites}), from each write's item before and after: puts and deletes return the item they replaced,
 * updates the item they made, and the items a transaction or an update changes are read (uncounted) around it.
 * Batch puts are taken as new items (the history's are).
 * Each handler invocation, from a receive that brings messages to the thread's next receive, is timed as a
 * function with a processor of its own would take: its thread's CPU time plus the time its requests took (the
 * pollers of every function share this machine's cores with the emulators, and waiting for a core is not what
 * Lambda bills); what it allocates is measured too ({@link HandlerStats}).
 */
final class RequestCounter implements ExecutionInterceptor {

    static final String CRM_THREAD = "crm-events";
    private static final String POLLER_THREAD = "poller-";
    private static final String WAKER_THREAD = "wake-ups";
    private static final String WAKER = "delay-waker";
    /** AWS's names of the services, for the SDK's. */
    private static final Map<String, String> SERVICES = Map.of("DynamoDb", "DynamoDB", "Sqs", "SQS",
            "Scheduler", "Scheduler", "SesV2", "SES");
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("started");
    /** The items an update or a transaction is about to change, as they were. */
    private static final ExecutionAttribute<List<Map<String, AttributeValue>>> BEFORE = new ExecutionAttribute<>("before");
    /** Set on a request made while the indexes are not billed. */
    private static final ExecutionAttribute<Boolean> UNBILLED = new ExecutionAttribute<>("unbilled");
    /** Set while this counter reads an item for itself: that read is not the handlers'. */
    private static final ThreadLocal<Boolean> LOOKING_UP = ThreadLocal.withInitial(() -> false);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One kind of request: who made it and what it was. */
    record Kind(String handler, String service, String operation) {
    }

    private final Map<Kind, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder events = new LongAdder();
    private final LongAdder dynamoWriteItems = new LongAdder();
    private final Map<String, LongAdder> dynamoWriteItemsByHandler = new ConcurrentHashMap<>();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final DoubleAdder indexWriteUnits = new DoubleAdder();
    /** Write units by "handler table operation", an index's under "handler table/index operation". */
    private final Map<String, DoubleAdder> writeUnitsByKind = new ConcurrentHashMap<>();
    private volatile IndexWrites indexes;
    private volatile boolean billingIndexes;
    private volatile DynamoDbClient lookups;
    private final Map<String, HandlerStats> handlers = new ConcurrentHashMap<>();
    /** The open invocation of a poller thread: its CPU time and allocated bytes at the start, its requests' time. */
    private final ThreadLocal<long[]> openInvocation = new ThreadLocal<>();
    private final LongAdder wakerRequestNanos = new LongAdder();
    private volatile boolean on;

    /** Starts counting from zero. */
    void start() {
        requests.clear();
        events.reset();
        dynamoWriteItems.reset();
        dynamoWriteItemsByHandler.clear();
        readUnits.reset();
        writeUnits.reset();
        indexWriteUnits.reset();
        writeUnitsByKind.clear();
        handlers.clear();
        wakerRequestNanos.reset();
        on = true;
    }

    void stop() {
        on = false;
    }

    /** Bills the global secondary indexes of the tables {@code dynamo} has now, reading items with it. */
    void billIndexes(DynamoDbClient dynamo) {
        lookups = dynamo;
        indexes = IndexWrites.of(dynamo);
        billingIndexes = true;
    }

    /**
     * Stops billing the indexes: the reads that bill them (a GetItem for each item a transaction or an update
     * changes, made in the handler's thread) would otherwise be most of the requests of a run that writes in
     * transactions, and their time the handler's.
     */
    void stopBillingIndexes() {
        billingIndexes = false;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (handlerOf(Thread.currentThread()).isEmpty() || !on || LOOKING_UP.get()) {
            return request;
        }
        return switch (request) {
            case PutItemRequest put -> put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                    .returnValues(indexed(put.tableName()) && unset(put.returnValues()) ? ReturnValue.ALL_OLD
                            : put.returnValues()).build();
            case UpdateItemRequest update -> update.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                    .returnValues(indexed(update.tableName()) && unset(update.returnValues()) ? ReturnValue.ALL_NEW
                            : update.returnValues()).build();
            case DeleteItemRequest delete -> delete.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                    .returnValues(indexed(delete.tableName()) && unset(delete.returnValues()) ? ReturnValue.ALL_OLD
                            : delete.returnValues()).build();
            case TransactWriteItemsRequest transact ->
                    transact.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case BatchWriteItemRequest batch ->
                    batch.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
            case GetItemRequest get ->
                    get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case QueryRequest query ->
                    query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case ScanRequest scan ->
                    scan.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case BatchGetItemRequest get ->
                    get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case TransactGetItemsRequest get ->
                    get.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            default -> request;
        };
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Optional<String> handler = handlerOf(Thread.currentThread());
        if (!on || handler.isEmpty() || LOOKING_UP.get()) {
            return;
        }
        if (context.request() instanceof ReceiveMessageRequest) {
            endInvocation(handler.get());
        }
        attributes.putAttribute(STARTED, System.nanoTime());
        if (!billingIndexes) {
            attributes.putAttribute(UNBILLED, true);
            return;
        }
        switch (context.request()) {
            case UpdateItemRequest update when indexed(update.tableName()) ->
                    attributes.putAttribute(BEFORE, List.of(lookUp(update.tableName(), update.key())));
            case TransactWriteItemsRequest transact -> attributes.putAttribute(BEFORE, transact.transactItems().stream()
                    .map(item -> indexed(tableOf(item)) ? lookUp(tableOf(item), keyOf(item)) : Map.<String, AttributeValue>of())
                    .toList());
            default -> {
            }
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Optional<String> handler = handlerOf(Thread.currentThread());
        if (!on || handler.isEmpty() || LOOKING_UP.get()) {
            return;
        }
        String service = SERVICES.getOrDefault(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        Long started = attributes.getAttribute(STARTED);
        long[] invocation = openInvocation.get();
        if (started != null && invocation != null) {
            invocation[2] += System.nanoTime() - started;
        }
        if (handler.get().equals(WAKER) && started != null) {
            wakerRequestNanos.add(System.nanoTime() - started);
        }
        if (response instanceof ReceiveMessageResponse received) {
            if (received.messages().isEmpty()) {
                return;
            }
            openInvocation.set(new long[]{THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadAllocatedBytes(), 0});
        }
        if (request instanceof SendMessageBatchRequest send && send.queueUrl().endsWith("-triggers")) {
            service = "EventBridge";
            operation = "PutEvents";
            events.add(send.entries().size());
        }
        count(new Kind(handler.get(), service, operation));
        String billed = operation;
        dynamoWriteItems.add(writeItems(request));
        dynamoWriteItemsByHandler.computeIfAbsent(handler.get(), h -> new LongAdder()).add(writeItems(request));
        capacity(response).forEach(used -> {
            readUnits.add(used.readCapacityUnits() != null ? used.readCapacityUnits()
                    : isWrite(request) ? 0 : used.capacityUnits());
            double units = !isWrite(request) ? 0 : used.table() != null ? used.table().capacityUnits()
                    : used.writeCapacityUnits() != null ? used.writeCapacityUnits() : used.capacityUnits();
            writeUnits.add(units);
            billWrite(handler.get(), used.tableName(), billed, units);
        });
        if (indexes != null && isWrite(request) && attributes.getAttribute(UNBILLED) == null) {
            indexUnits(request, response, attributes.getAttribute(BEFORE)).forEach((index, units) -> {
                indexWriteUnits.add(units);
                writeUnits.add(units);
                billWrite(handler.get(), index, billed, units);
            });
        }
    }

    private void billWrite(String handler, String table, String operation, double units) {
        if (units > 0) {
            writeUnitsByKind.computeIfAbsent(handler + " " + table + " " + operation, k -> new DoubleAdder())
                    .add(units);
        }
    }

    /** What the write cost in its tables' global secondary indexes, by "table/index". */
    private Map<String, Double> indexUnits(SdkRequest request, SdkResponse response,
                                           List<Map<String, AttributeValue>> before) {
        var units = new TreeMap<String, Double>();
        switch (request) {
            case PutItemRequest put ->
                    indexes.units(put.tableName(), ((PutItemResponse) response).attributes(), put.item(), units);
            case DeleteItemRequest delete ->
                    indexes.units(delete.tableName(), ((DeleteItemResponse) response).attributes(), null, units);
            case UpdateItemRequest update when indexed(update.tableName()) -> indexes.units(update.tableName(),
                    before.getFirst(), update.returnValues() == ReturnValue.ALL_NEW
                            ? ((UpdateItemResponse) response).attributes() : lookUp(update.tableName(), update.key()),
                    units);
            case TransactWriteItemsRequest transact -> {
                for (int i = 0; i < transact.transactItems().size(); i++) {
                    TransactWriteItem item = transact.transactItems().get(i);
                    String table = tableOf(item);
                    if (indexed(table)) {
                        indexes.units(table, before.get(i), item.put() != null ? item.put().item()
                                : item.delete() != null ? null : lookUp(table, keyOf(item)), units);
                    }
                }
            }
            case BatchWriteItemRequest batch -> batch.requestItems().forEach((table, writes) -> writes.stream()
                    .filter(write -> write.putRequest() != null)
                    .forEach(write -> indexes.units(table, null, write.putRequest().item(), units)));
            default -> {
            }
        }
        return units;
    }

    private boolean indexed(String table) {
        return indexes != null && indexes.table(table) != null;
    }

    private static boolean unset(ReturnValue returnValue) {
        return returnValue == null || returnValue == ReturnValue.NONE;
    }

    private static String tableOf(TransactWriteItem item) {
        return item.put() != null ? item.put().tableName() : item.update() != null ? item.update().tableName()
                : item.delete() != null ? item.delete().tableName() : item.conditionCheck().tableName();
    }

    private Map<String, AttributeValue> keyOf(TransactWriteItem item) {
        if (item.put() != null) {
            var key = new java.util.HashMap<>(item.put().item());
            key.keySet().retainAll(indexes.table(item.put().tableName()).keys());
            return key;
        }
        return item.update() != null ? item.update().key() : item.delete() != null ? item.delete().key()
                : item.conditionCheck().key();
    }

    /** The item as it is, read for this counter alone. */
    private Map<String, AttributeValue> lookUp(String table, Map<String, AttributeValue> key) {
        LOOKING_UP.set(true);
        try {
            var item = lookups.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            return item == null ? Map.of() : item;
        } finally {
            LOOKING_UP.set(false);
        }
    }

    private void count(Kind kind) {
        requests.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Closes the invocation this poller thread had open, if any. */
    private void endInvocation(String handler) {
        long[] started = openInvocation.get();
        if (started != null) {
            openInvocation.remove();
            handlers.computeIfAbsent(handler, h -> new HandlerStats()).invocation(
                    THREADS.getCurrentThreadCpuTime() - started[0] + started[2],
                    THREADS.getCurrentThreadAllocatedBytes() - started[1]);
        }
    }

    /**
     * Adds the waker's work, which no receive delimits: the CPU time of its thread and of the threads its drain
     * sends from, and the time their requests took, what they allocated, over {@code invocations} wake-ups. Measured
     * from {@link #start()}: {@code cpuNanosAtStart} and {@code bytesAtStart} are {@link #wakerFigures} then.
     */
    void addWaker(Thread waker, long cpuNanosAtStart, long bytesAtStart, long invocations) {
        long[] now = wakerFigures(waker);
        handlers.computeIfAbsent(WAKER, h -> new HandlerStats()).totals(
                now[0] - cpuNanosAtStart + wakerRequestNanos.sum(), now[1] - bytesAtStart, invocations);
    }

    /** The CPU time and allocated bytes so far of the waker's thread and its drain's threads. */
    static long[] wakerFigures(Thread waker) {
        long[] figures = {0, 0};
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == waker || t.getName().startsWith(DueStepDrain.THREAD_PREFIX))
                .forEach(t -> {
                    figures[0] += THREADS.getThreadCpuTime(t.threadId());
                    figures[1] += THREADS.getThreadAllocatedBytes(t.threadId());
                });
        return figures;
    }

    static Optional<Thread> wakerThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(WAKER_THREAD)).findFirst();
    }

    private static Optional<String> handlerOf(Thread thread) {
        String name = thread.getName();
        if (name.startsWith(POLLER_THREAD)) {
            return Optional.of(name.substring(POLLER_THREAD.length()));
        }
        if (name.equals(WAKER_THREAD) || name.startsWith(DueStepDrain.THREAD_PREFIX)) {
            return Optional.of(WAKER);
        }
        if (name.startsWith(CRM_THREAD)) {
            return Optional.of("crm");
        }
        return Optional.empty();
    }

    private static boolean isWrite(SdkRequest request) {
        return writeItems(request) > 0;
    }

    private static int writeItems(SdkRequest request) {
        return switch (request) {
            case PutItemRequest ignored -> 1;
            case UpdateItemRequest ignored -> 1;
            case DeleteItemRequest ignored -> 1;
            case TransactWriteItemsRequest transact -> transact.transactItems().size();
            case BatchWriteItemRequest batch -> batch.requestItems().values().stream().mapToInt(List::size).sum();
            default -> 0;
        };
    }

    private static List<ConsumedCapacity> capacity(SdkResponse response) {
        return switch (response) {
            case PutItemResponse r -> listOf(r.consumedCapacity());
            case UpdateItemResponse r -> listOf(r.consumedCapacity());
            case DeleteItemResponse r -> listOf(r.consumedCapacity());
            case GetItemResponse r -> listOf(r.consumedCapacity());
            case QueryResponse r -> listOf(r.consumedCapacity());
            case ScanResponse r -> listOf(r.consumedCapacity());
            case TransactWriteItemsResponse r -> r.consumedCapacity();
            case BatchWriteItemResponse r -> r.consumedCapacity();
            case BatchGetItemResponse r -> r.consumedCapacity();
            case TransactGetItemsResponse r -> r.consumedCapacity();
            default -> List.of();
        };
    }

    private static List<ConsumedCapacity> listOf(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    /** What was counted since {@link #start()}. */
    Counts counts() {
        var byKind = new TreeMap<String, Long>();
        requests.forEach((kind, n) -> byKind.merge(
                kind.handler() + " " + kind.service() + " " + kind.operation(), n.sum(), Long::sum));
        var byOperation = new TreeMap<String, Long>();
        requests.forEach((kind, n) -> byOperation.merge(kind.service() + " " + kind.operation(), n.sum(), Long::sum));
        var writeItemsByHandler = new TreeMap<String, Long>();
        dynamoWriteItemsByHandler.forEach((handler, n) -> writeItemsByHandler.put(handler, n.sum()));
        var writeUnitsByKind = new TreeMap<String, Double>();
        this.writeUnitsByKind.forEach((kind, units) -> writeUnitsByKind.put(kind, units.sum()));
        return new Counts(byOperation, byKind, events.sum(), dynamoWriteItems.sum(), writeItemsByHandler,
                readUnits.sum(), writeUnits.sum(), indexWriteUnits.sum(), writeUnitsByKind, Map.copyOf(handlers));
    }

    /**
     * Requests by operation ("Service Operation") and by handler and operation, EventBridge events, DynamoDB
     * items written (in all and by handler) and request units (the write units with those of the indexes, also
     * given alone, and by "handler table operation", an index's as "table/index"), and each handler's invocations.
     */
    record Counts(Map<String, Long> byOperation, Map<String, Long> byHandlerAndOperation, long events,
                  long dynamoWriteItems, Map<String, Long> dynamoWriteItemsByHandler, double readUnits,
                  double writeUnits, double indexWriteUnits, Map<String, Double> writeUnitsByKind,
                  Map<String, HandlerStats> handlers) {

        long total() {
            return byOperation.values().stream().mapToLong(Long::longValue).sum();
        }

        long ofService(String service) {
            return byOperation.entrySet().stream().filter(e -> e.getKey().startsWith(service + " "))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long ofHandler(String handler) {
            return byHandlerAndOperation.entrySet().stream().filter(e -> e.getKey().startsWith(handler + " "))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }
}
