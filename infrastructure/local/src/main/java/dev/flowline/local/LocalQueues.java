package dev.flowline.local;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;

/**
 * The queues of a deployment: steps, trigger events and goal events, each with its dead-letter queue and a
 * redrive policy, so that a message that fails {@link #MAX_RECEIVES} times moves there, as in template.yaml.
 */
record LocalQueues(Queue steps, Queue triggers, Queue goals) {

    /** A queue and its dead-letter queue. */
    record Queue(String url, String deadLetterUrl) {
    }

    static final int MAX_RECEIVES = 5;
    /** How long a failed message stays hidden before it is retried: shorter than the cloud's, to retry sooner. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 10;

    /** Creates the queues, or finds them when they exist. */
    static LocalQueues create(SqsClient sqs, String prefix) {
        return new LocalQueues(queue(sqs, prefix + "steps", VISIBILITY_TIMEOUT_SECONDS),
                queue(sqs, prefix + "triggers", VISIBILITY_TIMEOUT_SECONDS),
                queue(sqs, prefix + "goals", VISIBILITY_TIMEOUT_SECONDS));
    }

    /** Creates a queue with its dead-letter queue, or finds them when they exist. */
    static Queue queue(SqsClient sqs, String name, int visibilityTimeoutSeconds) {
        String deadLetterUrl = sqs.createQueue(c -> c.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(a -> a.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
                .formatted(deadLetterArn, MAX_RECEIVES);
        String url = sqs.createQueue(c -> c.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new Queue(url, deadLetterUrl);
    }
}
