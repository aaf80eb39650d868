package dev.flowline.aws.sqs;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.activation.ActivationQueue;
import dev.flowline.engine.activation.Segment;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.List;

/**
 * Puts activation segments on the activation queue, ten to a request, each naming the account whose segments
 * this queue sends ({@link QueuedSegment}). A deployment without the queue has a null {@code queueUrl}: it is not
 * {@link #available()}, and sending fails.
 */
public final class SqsActivationQueue implements ActivationQueue {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("ActivationQueue", "sqs:SendMessage");

    private final SqsClient sqs;
    private final Account account;
    private final String queueUrl;

    public SqsActivationQueue(SqsClient sqs, Account account, String queueUrl) {
        this.sqs = sqs;
        this.account = account;
        this.queueUrl = queueUrl;
    }

    @Override
    public boolean available() {
        return queueUrl != null;
    }

    @Override
    public void send(List<Segment> segments) {
        if (queueUrl == null) {
            throw new IllegalStateException("FLOWLINE_ACTIVATION_QUEUE_URL is not set");
        }
        MessageBatches.send(sqs, queueUrl, segments.stream().map(segment -> SendMessageBatchRequestEntry.builder()
                .messageBody(new QueuedSegment(account, segment).toJson()).build()).toList(),
                "segments", "the activation queue");
    }
}
