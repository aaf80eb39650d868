package dev.flowline.aws.eventbridge;

import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.EngineEvents;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publishes the engine's events on the EventBridge bus, where rules route them to the trigger and goal queues.
 * Flows can trigger each other through these events, so each carries the {@link CauseChain} it was published
 * under, and an event whose chain is longer than {@code maxChain} or holds the same event twice is logged
 * and dropped instead of published: that ends loops of flows re-enrolling each other.
 * <p>
 * An engine event's id is derived from what happened (contact, event type, properties, not the time), so the
 * same contact enrolling in the same flow again within one chain is seen as a cycle. A property change
 * gets a fresh id: different flows may set the same property in one chain without looping.
 * <p>
 * Each instance publishes for one account, named in every event ({@link #forAccount}).
 */
public final class EventBridgeEvents implements EngineEvents {

    /** The AWS calls it makes. */
    public static final Permissions PERMISSIONS = Permissions.on("EventBus", "events:PutEvents");

    private static final System.Logger LOG = System.getLogger(EventBridgeEvents.class.getName());
    private static final int BATCH_SIZE = 10;

    private final Supplier<EventBridgeClient> eventBridge;
    private final String busName;
    private final int maxChain;
    private final Account account;

    public EventBridgeEvents(Supplier<EventBridgeClient> eventBridge, String busName, int maxChain, Account account) {
        this.eventBridge = eventBridge;
        this.busName = busName;
        this.maxChain = maxChain;
        this.account = account;
    }

    /** The same bus, publishing for {@code other}. */
    public EventBridgeEvents forAccount(Account other) {
        return new EventBridgeEvents(eventBridge, busName, maxChain, other);
    }

    @Override
    public void activity(String contactId, ActivityEvent event) {
        publish(List.of(new BusEvent.ContactActivity(idOf(contactId, event), account, contactId, CauseChain.current(), event)));
    }

    @Override
    public void activities(List<Contact> contacts, ActivityEvent event) {
        publish(contacts.stream().map(contact -> new BusEvent.ContactActivity(idOf(contact.id(), event), account,
                contact.id(), CauseChain.current(), event)).toList());
    }

    @Override
    public void propertiesChanged(String contactId, Set<String> properties) {
        publish(List.of(new BusEvent.ContactChanged(UUID.randomUUID().toString(), account, contactId, CauseChain.current(),
                properties)));
    }

    /**
     * Publishes events ten to a request, leaving out those whose cause chain loops or is too long.
     * Throws when the bus refuses any, so that the message being handled is retried.
     */
    public void publish(Collection<? extends BusEvent> events) {
        var entries = new ArrayList<PutEventsRequestEntry>();
        for (BusEvent event : events) {
            if (loops(event)) {
                LOG.log(System.Logger.Level.WARNING, "not publishing {0} {1} for contact {2}: its cause chain {3} "
                        + "loops or is longer than {4}", event.detailType(), event.id(), event.contactId(),
                        event.causes(), maxChain);
                continue;
            }
            entries.add(PutEventsRequestEntry.builder()
                    .eventBusName(busName)
                    .source(BusEvent.SOURCE)
                    .detailType(event.detailType())
                    .detail(event.detail())
                    .build());
        }
        for (int from = 0; from < entries.size(); from += BATCH_SIZE) {
            var batch = entries.subList(from, Math.min(from + BATCH_SIZE, entries.size()));
            var response = eventBridge.get().putEvents(request -> request.entries(batch));
            if (response.failedEntryCount() > 0) {
                var failure = response.entries().stream().filter(e -> e.errorCode() != null).findFirst();
                throw new IllegalStateException("the bus refused " + response.failedEntryCount() + " of "
                        + batch.size() + " events" + failure.map(f -> ", first: " + f.errorCode() + " "
                        + f.errorMessage()).orElse(""));
            }
        }
    }

    private boolean loops(BusEvent event) {
        Set<String> seen = new HashSet<>(event.causes());
        return event.causes().size() > maxChain || seen.size() < event.causes().size() || seen.contains(event.id());
    }

    /** The same happening to the same contact gets the same id, whenever it happens. */
    static String idOf(String contactId, ActivityEvent event) {
        String name = contactId + "\n" + event.eventTypeId() + "\n" + new TreeMap<>(event.properties());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
