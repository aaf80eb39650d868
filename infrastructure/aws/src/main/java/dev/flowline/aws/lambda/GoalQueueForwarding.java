package dev.flowline.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.eventbridge.BusEvent;
import dev.flowline.aws.iam.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How contact events reach the goal checker: the bus gives them to the trigger queue alone, and the trigger evaluator
 * sends on to the goal queue those of an account whose enabled flows or published journeys the goal checker watches
 * ({@code GoalChecker#watchesChanges}: a goal, a suppression list, a wait for an event). An account without any costs
 * the goal queue no request at all. Each event goes on as it came (the EventBridge event), in one request per ten
 * events at most, before the batch is handled, so that the goal checker has it whatever becomes of the triggers. SES
 * email events are not sent on: the trigger evaluator publishes each as a {@code contact.activity}, which comes back
 * through the trigger queue. Undecodable messages are not either: the batch sends them to the dead-letter queue.
 * <p>
 * A message that was to be sent on and could not be is reported failed, so SQS delivers it again: the trigger
 * evaluator handles it again, as any redelivery, and sends it on again; the goal checker, idempotent like every
 * handler, may so get an event twice.
 */
public final class GoalQueueForwarding {

    /** SQS's most entries, and bytes of their bodies, in one {@code SendMessageBatch}. */
    static final int MAX_ENTRIES = 10;
    static final int MAX_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(GoalQueueForwarding.class);

    /** The AWS calls it makes: events sent to {@code goalQueue}. */
    public static Permissions permissions(String goalQueue) {
        return Permissions.on(goalQueue, "sqs:SendMessage");
    }

    private final AwsEngines engines;
    private final ContactEventRecords records;
    private final SqsClient sqs;
    private final String queueUrl;

    /** Deciding with {@code engines}, each message decoded as {@code records} decode it, sending to {@code queueUrl}. */
    public GoalQueueForwarding(AwsEngines engines, ContactEventRecords records, SqsClient sqs, String queueUrl) {
        this.engines = engines;
        this.records = records;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Sends on the batch's watched events, then {@code handling} handles it; failures of both are reported. */
    public SQSBatchResponse around(SQSEvent batch, Supplier<SQSBatchResponse> handling) {
        Set<String> unsent = forward(batch.getRecords());
        SQSBatchResponse handled = handling.get();
        if (unsent.isEmpty()) {
            return handled;
        }
        var failures = new ArrayList<>(handled.getBatchItemFailures());
        failures.forEach(failure -> unsent.remove(failure.getItemIdentifier()));
        unsent.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
        return new SQSBatchResponse(failures);
    }

    /** The ids of the messages that were to be sent on and were not. */
    Set<String> forward(List<SQSEvent.SQSMessage> messages) {
        var unsent = new LinkedHashSet<String>();
        var watching = new HashMap<Account, Boolean>();
        var group = new ArrayList<SQSEvent.SQSMessage>();
        int bytes = 0;
        for (SQSEvent.SQSMessage message : messages) {
            try {
                if (!watched(message.getBody(), watching)) {
                    continue;
                }
            } catch (RuntimeException failure) {
                LOG.error("whether the goal checker watches an event could not be told: {}", LogSafe.describe(failure));
                unsent.add(message.getMessageId());
                continue;
            }
            int size = message.getBody().getBytes(StandardCharsets.UTF_8).length;
            if (group.size() == MAX_ENTRIES || !group.isEmpty() && bytes + size > MAX_BYTES) {
                send(group, unsent);
                group.clear();
                bytes = 0;
            }
            group.add(message);
            bytes += size;
        }
        if (!group.isEmpty()) {
            send(group, unsent);
        }
        return unsent;
    }

    /** Whether the message is a contact event of an account the goal checker watches; asked once an account. */
    private boolean watched(String body, Map<Account, Boolean> watching) {
        ContactEventRecords.Message message;
        try {
            message = records.decode(body);
        } catch (RuntimeException poison) {
            return false;
        }
        return message instanceof ContactEventRecords.FromBus(BusEvent event) && watching.computeIfAbsent(
                event.account(), account -> engines.of(account).engine().goals().watchesChanges());
    }

    private void send(List<SQSEvent.SQSMessage> group, Set<String> unsent) {
        var entries = new ArrayList<SendMessageBatchRequestEntry>();
        for (SQSEvent.SQSMessage message : group) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                    .messageBody(message.getBody()).build());
        }
        try {
            if (queueUrl == null) {
                throw new IllegalStateException("FLOWLINE_GOAL_QUEUE_URL is not set");
            }
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed().forEach(failure -> {
                LOG.error("the goal queue refused an event: {} {}", failure.code(), LogSafe.reason(failure.message()));
                unsent.add(group.get(Integer.parseInt(failure.id())).getMessageId());
            });
        } catch (RuntimeException failure) {
            LOG.error("{} events could not be sent to the goal checker: {}", group.size(), LogSafe.describe(failure));
            group.forEach(message -> unsent.add(message.getMessageId()));
        }
    }
}
