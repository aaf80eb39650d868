package dev.flowline.functions.api;

import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.dynamodb.Page;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.journey.Journey;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Enrols the contacts that already meet a flow's triggers when it is turned on, however many there are: the
 * contacts table is read as a parallel scan in {@link #SEGMENTS} segments, one message per segment on the
 * activation queue. Each message reads a few pages of its segment, enrols the matching contacts
 * ({@link EnrolmentSource#EXISTING_CONTACTS}) and, if the segment goes on, sends a message for the rest, so no
 * single invocation runs long. A contact enrolled in the flow before is left alone, which also makes a
 * redelivered message harmless. The fan-out stops when the flow is turned off or deleted. Each message names the
 * flow's account, whose engine runs it.
 * <p>
 * A journey's first publish fans out the same way: its segments name the journey, and each contact that matches
 * (in an enrolment list, with a stage's value) and never enrolled in it enrols now.
 */
final class FlowActivation {

    static final int SEGMENTS = 16;
    private static final int PAGE_SIZE = 100;
    private static final int PAGES_PER_MESSAGE = 10;

    /**
     * One message: where a segment's scan goes on. {@code after} is null at the segment's start. A segment names
     * a flow or, with a null {@code flowId}, a journey.
     */
    record Segment(String account, String flowId, int segment, int totalSegments, String after, String journeyId) {

        Segment(String account, String flowId, int segment, int totalSegments, String after) {
            this(account, flowId, segment, totalSegments, after, null);
        }

        Segment from(String next) {
            return new Segment(account, flowId, segment, totalSegments, next, journeyId);
        }
    }

    private final AwsEngine engine;
    private final AwsEngines engines;
    private final int pageSize;
    private final int pagesPerMessage;

    FlowActivation(AwsEngine engine) {
        this(engine, PAGE_SIZE, PAGES_PER_MESSAGE);
    }

    FlowActivation(AwsEngine engine, int pageSize, int pagesPerMessage) {
        this.engine = engine;
        this.engines = new AwsEngines(engine);
        this.pageSize = pageSize;
        this.pagesPerMessage = pagesPerMessage;
    }

    /** Whether this deployment has an activation queue. */
    boolean available() {
        return engine.config().activationQueueUrl() != null;
    }

    /** Sends the first message of every segment of the flow. */
    void start(String flowId) {
        send(IntStream.range(0, SEGMENTS)
                .mapToObj(segment -> new Segment(engine.account().id(), flowId, segment, SEGMENTS, null)).toList());
    }

    /** Sends the first message of every segment of a journey's first publish. */
    void startJourney(String journeyId) {
        send(IntStream.range(0, SEGMENTS)
                .mapToObj(segment -> new Segment(engine.account().id(), null, segment, SEGMENTS, null, journeyId))
                .toList());
    }

    private void send(List<Segment> segments) {
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
        AwsEngine engine = engines.of(new Account(segment.account()));
        if (segment.journeyId() != null) {
            engine.engine().journeys().find(segment.journeyId()).filter(Journey::isPublished).ifPresent(journey ->
                    scan(engine, segment, contact -> engine.engine().journeyRouter().enrolIfMatching(journey, contact)));
            return;
        }
        Optional<Flow> flow = engine.flows().find(segment.flowId()).filter(Flow::enabled);
        if (flow.isEmpty()) {
            return;
        }
        var triggers = new TriggerMatch(engine.engine().context());
        scan(engine, segment, contact -> enrolIfMatching(engine, triggers, flow.get(), contact));
    }

    private void scan(AwsEngine engine, Segment segment, Consumer<Contact> enrol) {
        String after = segment.after();
        for (int page = 0; page < pagesPerMessage; page++) {
            Page<Contact> contacts = engine.contacts().scan(segment.segment(), segment.totalSegments(), after, pageSize);
            contacts.items().forEach(enrol);
            after = contacts.next().orElse(null);
            if (after == null) {
                return;
            }
        }
        String rest = after;
        engine.sqs().sendMessage(b -> b.queueUrl(queueUrl()).messageBody(FlowlineJson.write(segment.from(rest))));
    }

    private static void enrolIfMatching(AwsEngine engine, TriggerMatch triggers, Flow flow, Contact contact) {
        if (!triggers.matches(flow, contact)) {
            return;
        }
        List<Enrolment> previous = engine.enrolments().ofContact(flow.id(), contact.id());
        if (previous.isEmpty()) {
            engine.engine().enroller().enrol(flow, contact, EnrolmentSource.EXISTING_CONTACTS, previous);
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
