package dev.flowline.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.lambda.LogSafe;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds a queue to an SQS-triggered handler as Lambda's event source mapping does: long polling, batches of up to
 * ten, partial batch failures honoured (the messages the handler names stay on the queue and come back after the
 * visibility timeout, until the redrive policy moves them to the dead-letter queue); a handler that throws fails
 * its whole batch.
 * <p>
 * With a {@link FaultPlan}, a batch may be handed over in reverse order, delivered twice at once (a second,
 * concurrent invocation with the same messages; a message either of them fails comes back), or handled and then not deleted, as
 * when a function crashes before its answer reaches the event source mapping: the messages come back after the
 * visibility timeout.
 */
final class SqsPoller implements AutoCloseable {

    static final int BATCH_SIZE = 10;
    private static final System.Logger LOG = System.getLogger(SqsPoller.class.getName());

    private final String name;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final int waitSeconds;
    private final FaultPlan faults;
    private final AtomicLong redeliveries = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    SqsPoller(String name, SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler,
              int waitSeconds, FaultPlan faults) {
        this.name = name;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.handler = handler;
        this.waitSeconds = waitSeconds;
        this.faults = faults;
        this.thread = Thread.ofPlatform().name("poller-" + name).daemon().start(this::poll);
    }

    private void poll() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(BATCH_SIZE)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty() && running) {
                    handle(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(System.Logger.Level.ERROR, "polling " + name + " failed; polling again", e);
                    pause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void handle(List<Message> received) throws InterruptedException {
        redeliveries.addAndGet(received.stream().filter(message -> !"1".equals(
                message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))).count());
        List<Message> messages = received.size() > 1 && faults.inject(FaultPlan.Kind.DELIVERY_REORDER)
                ? received.reversed() : received;
        var twinFailed = new HashSet<String>();
        Thread twin = faults.inject(FaultPlan.Kind.DELIVERY_DUPLICATE)
                ? Thread.ofPlatform().name("duplicate-" + name).start(() -> twinFailed.addAll(failedIds(messages)))
                : null;
        Set<String> failed = failedIds(messages);
        if (twin != null) {
            twin.join();
            // the copy a failed duplicate was handed comes back too
            failed.addAll(twinFailed);
        }
        if (!faults.inject(FaultPlan.Kind.DELIVERY_CRASH)) {
            deleteHandled(messages, failed);
        }
    }

    /** The ids the handler reports as failed; all of them when it throws. */
    private Set<String> failedIds(List<Message> messages) {
        try {
            SQSBatchResponse response = handler.handleRequest(event(queueArn, messages), null);
            var failed = new HashSet<String>();
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
            return failed;
        } catch (RuntimeException e) {
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.ERROR, name + " failed its whole batch", e);
            } else {
                LOG.log(System.Logger.Level.ERROR, name + " failed its whole batch: " + LogSafe.describe(e));
            }
            return new HashSet<>(messages.stream().map(Message::messageId).toList());
        }
    }

    private void deleteHandled(List<Message> messages, Set<String> failed) {
        var entries = new ArrayList<DeleteMessageBatchRequestEntry>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(String.valueOf(entries.size())).receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!entries.isEmpty()) {
            sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(entries));
        }
    }

    /** The event Lambda's event source mapping gives a handler for {@code messages} of queue {@code queueArn}. */
    static SQSEvent event(String queueArn, List<Message> messages) {
        var records = new ArrayList<SQSEvent.SQSMessage>();
        for (Message message : messages) {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(message.attributesAsStrings());
            record.setMessageAttributes(attributes(message.messageAttributes()));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static Map<String, SQSEvent.MessageAttribute> attributes(Map<String, MessageAttributeValue> values) {
        var attributes = new HashMap<String, SQSEvent.MessageAttribute>();
        values.forEach((key, value) -> {
            var attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attributes.put(key, attribute);
        });
        return attributes;
    }

    /** How many messages came again: failed, not deleted, or visible again before their handler finished. */
    long redeliveries() {
        return redeliveries.get();
    }

    /** After an error of the queue itself, so that a broken endpoint is not hammered. */
    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling once the current receive returns (at most the long-polling wait). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join((waitSeconds + 5) * 1000L);
    }
}
