package dev.flowline.local;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queues of a deployment: steps, trigger events, goal events and flow activations (enrolling the contacts
 * that already match when a flow is turned on), each with its dead-letter queue and a
 * redrive policy, so that a message that fails {@link #MAX_RECEIVES} times moves there, as in template.yaml.
 */
record LocalQueues(Queue steps, Queue triggers, Queue goals, Queue activations) {

    /** A queue and its dead-letter queue. */
    record Queue(String url, String deadLetterUrl) {
    }

    static final int MAX_RECEIVES = 5;
    /** How long a failed message stays hidden before it is retried: shorter than the cloud's, to retry sooner. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 10;
    /** An activation message reads up to a thousand contacts: longer, so that it is not redelivered meanwhile. */
    static final int ACTIVATION_VISIBILITY_TIMEOUT_SECONDS = 60;

    /** Creates the queues, or finds them when they exist. */
    static LocalQueues create(SqsClient sqs, String prefix) {
        return new LocalQueues(queue(sqs, prefix + "steps", VISIBILITY_TIMEOUT_SECONDS),
                queue(sqs, prefix + "triggers", VISIBILITY_TIMEOUT_SECONDS),
                queue(sqs, prefix + "goals", VISIBILITY_TIMEOUT_SECONDS),
                queue(sqs, prefix + "activations", ACTIVATION_VISIBILITY_TIMEOUT_SECONDS));
    }

    List<Queue> all() {
        return List.of(steps, triggers, goals, activations);
    }

    /**
     * Creates a queue with its dead-letter queue, or finds them when they exist: queues kept in a data folder are
     * used as they are, with the messages they hold.
     */
    static Queue queue(SqsClient sqs, String name, int visibilityTimeoutSeconds) {
        String deadLetterUrl = existing(sqs, name + "-dlq")
                .orElseGet(() -> sqs.createQueue(c -> c.queueName(name + "-dlq")).queueUrl());
        Optional<String> existing = existing(sqs, name);
        if (existing.isPresent()) {
            return new Queue(existing.get(), deadLetterUrl);
        }
        String deadLetterArn = sqs.getQueueAttributes(a -> a.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
                .formatted(deadLetterArn, MAX_RECEIVES);
        String url = sqs.createQueue(c -> c.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new Queue(url, deadLetterUrl);
    }

    private static Optional<String> existing(SqsClient sqs, String name) {
        try {
            return Optional.of(sqs.getQueueUrl(q -> q.queueName(name)).queueUrl());
        } catch (QueueDoesNotExistException missing) {
            return Optional.empty();
        } catch (SqsException e) {
            // an emulator may answer with the query protocol's code, which the SDK does not map to the type above
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist")) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
