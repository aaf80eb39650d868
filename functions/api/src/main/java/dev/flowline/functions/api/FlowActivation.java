package dev.flowline.functions.api;

import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.dynamodb.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Enrols the contacts that already meet a flow's triggers when it is turned on, however many there are: the
 * contacts table is read as a parallel scan in {@link #SEGMENTS} segments, one message per segment on the
 * activation queue. Each message reads a few pages of its segment, enrols the matching contacts
 * ({@link EnrolmentSource#EXISTING_CONTACTS}) and, if the segment goes on, sends a message for the rest, so no
 * single invocation runs long. A contact enrolled in the flow before is left alone, which also makes a
 * redelivered message harmless. The fan-out stops when the flow is turned off or deleted.
 */
final class FlowActivation {

    static final int SEGMENTS = 16;
    private static final int PAGE_SIZE = 100;
    private static final int PAGES_PER_MESSAGE = 10;

    /** One message: where a segment's scan goes on. {@code after} is null at the segment's start. */
    record Segment(String flowId, int segment, int totalSegments, String after) {
    }

    private final AwsEngine engine;
    private final TriggerMatch triggers;
    private final int pageSize;
    private final int pagesPerMessage;

    FlowActivation(AwsEngine engine) {
        this(engine, PAGE_SIZE, PAGES_PER_MESSAGE);
    }

    FlowActivation(AwsEngine engine, int pageSize, int pagesPerMessage) {
        this.engine = engine;
        this.triggers = new TriggerMatch(engine.context());
        this.pageSize = pageSize;
        this.pagesPerMessage = pagesPerMessage;
    }

    /** Whether this deployment has an activation queue. */
    boolean available() {
        return engine.config().activationQueueUrl() != null;
    }

    /** Sends the first message of every segment. */
    void start(String flowId) {
        List<Segment> segments = IntStream.range(0, SEGMENTS)
                .mapToObj(segment -> new Segment(flowId, segment, SEGMENTS, null)).toList();
        for (int from = 0; from < segments.size(); from += 10) {
            var entries = segments.subList(from, Math.min(from + 10, segments.size())).stream()
                    .map(s -> SendMessageBatchRequestEntry.builder().id(String.valueOf(s.segment()))
                            .messageBody(FlowlineJson.write(s)).build())
                    .toList();
            var response = engine.sqs().sendMessageBatch(b -> b.queueUrl(queueUrl()).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("the activation queue refused segments: " + response.failed());
            }
        }
    }

    /** Reads up to a message's budget of pages of the segment, enrolling the matching contacts. */
    void run(Segment segment) {
        Optional<Flow> flow = engine.flows().find(segment.flowId()).filter(Flow::enabled);
        if (flow.isEmpty()) {
            return;
        }
        String after = segment.after();
        for (int page = 0; page < pagesPerMessage; page++) {
            Page<Contact> contacts = engine.contacts().scan(segment.segment(), segment.totalSegments(), after, pageSize);
            contacts.items().forEach(contact -> enrolIfMatching(flow.get(), contact));
            after = contacts.next().orElse(null);
            if (after == null) {
                return;
            }
        }
        String rest = after;
        engine.sqs().sendMessage(b -> b.queueUrl(queueUrl()).messageBody(FlowlineJson.write(
                new Segment(segment.flowId(), segment.segment(), segment.totalSegments(), rest))));
    }

    private void enrolIfMatching(Flow flow, Contact contact) {
        if (triggers.matches(flow, contact) && engine.enrolments().ofContact(flow.id(), contact.id()).isEmpty()) {
            engine.enroller().enrol(flow, contact, EnrolmentSource.EXISTING_CONTACTS);
        }
    }

    private String queueUrl() {
        String url = engine.config().activationQueueUrl();
        if (url == null) {
            throw new IllegalStateException("FLOWLINE_ACTIVATION_QUEUE_URL is not set");
        }
        return url;
    }
}
