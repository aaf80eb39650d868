package dev.flowline.aws.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.List;

/** Sends messages to a queue ten to a request, SQS's most, and fails when the queue refuses any of them. */
final class MessageBatches {

    static final int BATCH_SIZE = 10;

    private MessageBatches() {
    }

    /**
     * Sends {@code entries}, their ids set to their places in their request (SQS wants them unique in one).
     *
     * @param what the messages and the queue, for the error: "steps" and "the step queue"
     * @throws IllegalStateException when any entry of a request failed; the requests before it were sent
     */
    static void send(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> entries, String what,
                     String queue) {
        for (int from = 0; from < entries.size(); from += BATCH_SIZE) {
            List<SendMessageBatchRequestEntry> batch = entries.subList(from, Math.min(from + BATCH_SIZE, entries.size()));
            List<BatchResultErrorEntry> failed = sendBatch(sqs, queueUrl, batch);
            if (!failed.isEmpty()) {
                var failure = failed.getFirst();
                throw new IllegalStateException(queue + " refused " + failed.size() + " of "
                        + batch.size() + " " + what + ", first: " + failure.code() + " " + failure.message());
            }
        }
    }

    /**
     * Sends at most {@value #BATCH_SIZE} entries in one request, and gives back the queue's refusals: the id of
     * each is the entry's place in {@code batch}.
     */
    static List<BatchResultErrorEntry> sendBatch(SqsClient sqs, String queueUrl,
                                                 List<SendMessageBatchRequestEntry> batch) {
        var numbered = new ArrayList<SendMessageBatchRequestEntry>();
        for (var entry : batch) {
            numbered.add(entry.toBuilder().id(Integer.toString(numbered.size())).build());
        }
        return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(numbered)).failed();
    }
}
