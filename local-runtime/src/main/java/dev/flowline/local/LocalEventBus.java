package dev.flowline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.aws.eventbridge.BusEvent;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The event bus with the template's rule: contact events ({@code contact.changed}, {@code contact.activity}) from
 * the engine ({@code flowline.engine}) or the CRM ({@code flowline.crm}, the template's default CRM source) go, as
 * EventBridge events, to the target queues (the trigger queue). Only {@code PutEvents} is served: the engine's
 * {@code EventBridgeEvents} publishes through it, with its
 * cause chains and loop stop, as in the cloud.
 */
final class LocalEventBus implements EventBridgeClient {

    static final String CRM_SOURCE = "flowline.crm";
    private static final Set<String> SOURCES = Set.of(BusEvent.SOURCE, CRM_SOURCE);
    private static final Set<String> DETAIL_TYPES = Set.of(BusEvent.ContactChanged.DETAIL_TYPE,
            BusEvent.ContactActivity.DETAIL_TYPE);

    private final SqsClient sqs;
    private final List<String> targetQueueUrls;
    private final Clock clock;

    LocalEventBus(SqsClient sqs, List<String> targetQueueUrls, Clock clock) {
        this.sqs = sqs;
        this.targetQueueUrls = List.copyOf(targetQueueUrls);
        this.clock = clock;
    }

    /**
     * Routes the entries to the target queues; an entry a queue refused is reported failed, as EventBridge reports
     * an entry it could not take, so that the publisher retries it (the queues that took it get it again).
     */
    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
        var ids = new ArrayList<String>();
        var routed = new ArrayList<SendMessageBatchRequestEntry>();
        for (PutEventsRequestEntry entry : request.entries()) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            if (SOURCES.contains(entry.source()) && DETAIL_TYPES.contains(entry.detailType())) {
                routed.add(SendMessageBatchRequestEntry.builder()
                        .id(String.valueOf(ids.size() - 1)).messageBody(envelope(id, entry)).build());
            }
        }
        var refused = new HashMap<Integer, String>();
        if (!routed.isEmpty()) {
            for (String queueUrl : targetQueueUrls) {
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(routed)).failed().forEach(failure ->
                        refused.put(Integer.valueOf(failure.id()), failure.code() + " " + failure.message()));
            }
        }
        var results = new ArrayList<PutEventsResultEntry>();
        for (int i = 0; i < ids.size(); i++) {
            results.add(refused.containsKey(i)
                    ? PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage(refused.get(i)).build()
                    : PutEventsResultEntry.builder().eventId(ids.get(i)).build());
        }
        return PutEventsResponse.builder().failedEntryCount(refused.size()).entries(results).build();
    }

    /** What an EventBridge rule with an SQS target delivers: the event, its detail as a JSON object. */
    private String envelope(String id, PutEventsRequestEntry entry) {
        ObjectNode event = FlowlineJson.mapper().createObjectNode()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", entry.detailType())
                .put("source", entry.source())
                .put("account", "000000000000")
                .put("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", "us-east-1");
        event.putArray("resources");
        event.set("detail", FlowlineJson.read(entry.detail(), JsonNode.class));
        return event.toString();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // the SQS client belongs to the runtime
    }
}
