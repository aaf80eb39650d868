package dev.flowline.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.flowline.aws.http.HttpWebhookCaller;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.aws.metrics.OperationalMetrics;
import dev.flowline.engine.idempotency.EffectInProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an SQS batch one message after another and reports partial batch failures: a message that fails is
 * named in the response, so SQS retries it alone (and its queue's redrive policy moves it to the dead-letter
 * queue after a few tries). A poison message, one whose body cannot be decoded or that {@link
 * PoisonMessageException can never be handled}, is sent to the handler's dead-letter queue at once with message
 * attributes {@code reason} and {@code handler}, and counts as handled, so it never holds back its batch.
 * <p>
 * A message is started only while the invocation has {@link #LONGEST_MESSAGE} left, so that the function's timeout
 * never cuts one short (ten webhook steps of 33 s each would outlive a 60 s function); the messages not started are
 * named in the response unread, and SQS delivers them again. The first message always starts, so that every
 * invocation moves its queue on.
 * <p>
 * Each message is logged under its message id, the handler's name and the ids its {@link RecordHandler} names.
 * Unless debug logging is on, failures are logged without their messages ({@link LogSafe}): they may quote email
 * addresses or property values. The dead-letter queue keeps the whole reason.
 */
public final class SqsBatch {

    /** How one handler reads and handles its messages. */
    public interface RecordHandler<T> {

        /** The message in {@code body}; any exception makes it a poison message. */
        T decode(String body);

        /** Ids to log the message under (contact, enrolment...), never email addresses or property values. */
        Map<String, String> logFields(T message);

        void handle(T message);
    }

    /**
     * The longest one message may take: a webhook step's connect and answer timeouts, and a margin for the reads and
     * writes of the step around the call.
     */
    public static final Duration LONGEST_MESSAGE = HttpWebhookCaller.CONNECT_TIMEOUT
            .plus(HttpWebhookCaller.RESPONSE_TIMEOUT).plus(Duration.ofSeconds(10));
    static final String REASON = "reason";
    static final String HANDLER = "handler";
    public static final String DEAD_LETTERED = "DeadLettered";
    private static final int MAX_REASON_LENGTH = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    /** The AWS calls it makes: poison messages sent to {@code deadLetterQueue}, the function's own. */
    public static Permissions permissions(String deadLetterQueue) {
        return Permissions.on(deadLetterQueue, "sqs:SendMessage");
    }

    private final String handler;
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final OperationalMetrics metrics;

    public SqsBatch(String handler, SqsClient sqs, String deadLetterQueueUrl) {
        this(handler, sqs, deadLetterQueueUrl, OperationalMetrics.NONE);
    }

    /** Counting each message sent to the dead-letter queue as {@value #DEAD_LETTERED}. */
    public SqsBatch(String handler, SqsClient sqs, String deadLetterQueueUrl, OperationalMetrics metrics) {
        this.handler = handler;
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.metrics = metrics;
    }

    /** {@code context} is null outside Lambda (tests, the local runtime): there is no time limit then. */
    public <T> SQSBatchResponse run(SQSEvent event, Context context, RecordHandler<T> records) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        List<SQSEvent.SQSMessage> messages = event.getRecords();
        int started = 0;
        for (; started < messages.size() && (started == 0 || timeForAnother(context)); started++) {
            if (!handled(messages.get(started), records)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(messages.get(started).getMessageId()));
            }
        }
        List<SQSEvent.SQSMessage> unstarted = messages.subList(started, messages.size());
        if (!unstarted.isEmpty()) {
            LOG.warn("{} messages not started, {} ms before the function's timeout: SQS delivers them again",
                    unstarted.size(), context.getRemainingTimeInMillis());
            unstarted.forEach(message -> failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId())));
        }
        return new SQSBatchResponse(failures);
    }

    private static boolean timeForAnother(Context context) {
        return context == null || context.getRemainingTimeInMillis() >= LONGEST_MESSAGE.toMillis();
    }

    private <T> boolean handled(SQSEvent.SQSMessage message, RecordHandler<T> records) {
        var logKeys = new ArrayList<>(List.of("messageId", HANDLER));
        MDC.put("messageId", message.getMessageId());
        MDC.put(HANDLER, handler);
        try {
            T decoded;
            try {
                decoded = records.decode(message.getBody());
            } catch (RuntimeException undecodable) {
                throw new PoisonMessageException("the body cannot be decoded: " + undecodable.getMessage());
            }
            records.logFields(decoded).forEach((key, value) -> {
                MDC.put(key, value);
                logKeys.add(key);
            });
            records.handle(decoded);
            return true;
        } catch (PoisonMessageException poison) {
            return deadLettered(message, poison.getMessage());
        } catch (EffectInProgress copy) {
            LOG.info("another run of this message's step is making its effect: the message comes back after it");
            return false;
        } catch (RuntimeException failure) {
            if (LOG.isDebugEnabled()) {
                LOG.error("the message failed and will be retried", failure);
            } else {
                LOG.error("the message failed and will be retried: {}", LogSafe.describe(failure));
            }
            return false;
        } finally {
            logKeys.forEach(MDC::remove);
        }
    }

    private boolean deadLettered(SQSEvent.SQSMessage message, String reason) {
        String shortReason = reason == null ? "poison message"
                : reason.substring(0, Math.min(reason.length(), MAX_REASON_LENGTH));
        try {
            sqs.sendMessage(send -> send.queueUrl(deadLetterQueueUrl)
                    .messageBody(message.getBody())
                    .messageAttributes(Map.of(REASON, text(shortReason), HANDLER, text(handler))));
            LOG.warn("poison message sent to the dead-letter queue: {}",
                    LOG.isDebugEnabled() ? shortReason : LogSafe.reason(shortReason));
            metrics.count(DEAD_LETTERED);
            return true;
        } catch (RuntimeException e) {
            LOG.error("a poison message could not be sent to the dead-letter queue; it will be retried", e);
            return false;
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
