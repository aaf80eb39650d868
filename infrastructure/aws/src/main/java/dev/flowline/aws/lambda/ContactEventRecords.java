package dev.flowline.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.messaging.BusEvent;
import dev.flowline.aws.messaging.CauseChain;
import dev.flowline.aws.messaging.ListMembershipEvents;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.enrolment.ContactChange;
import dev.flowline.engine.enrolment.PropertyChangeEvents;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Messages of the trigger and goal queues: each body is an EventBridge event whose detail is a {@link BusEvent}.
 * The contact is loaded and the event turned into the {@link ContactChange} the engine reads: for changed
 * properties, the contact before them and a property-change event each; for an activity, the event (its
 * publisher recorded it on the contact first). An event about an unknown contact is a poison message.
 */
public final class ContactEventRecords implements SqsBatch.RecordHandler<BusEvent> {

    private final ContactStore contacts;
    private final Clock clock;
    private final Consumer<ContactChange> engine;

    public ContactEventRecords(ContactStore contacts, Clock clock, Consumer<ContactChange> engine) {
        this.contacts = contacts;
        this.clock = clock;
        this.engine = engine;
    }

    @Override
    public BusEvent decode(String body) {
        JsonNode envelope = FlowlineJson.read(body, JsonNode.class);
        JsonNode detail = envelope.path("detail");
        if (!detail.isObject()) {
            throw new IllegalArgumentException("not an EventBridge event with a detail object");
        }
        BusEvent event = BusEvent.parse(envelope.path("detail-type").asText(), detail.toString());
        if (event.contactId().isEmpty()) {
            throw new IllegalArgumentException("the event names no contact");
        }
        return event;
    }

    @Override
    public Map<String, String> logFields(BusEvent event) {
        return Map.of("eventId", event.id(), "contactId", event.contactId(), "detailType", event.detailType());
    }

    @Override
    public void handle(BusEvent event) {
        Contact contact = contacts.find(event.contactId())
                .orElseThrow(() -> new PoisonMessageException("there is no contact " + event.contactId()));
        try (var chain = CauseChain.open(event.causes(), event.id())) {
            engine.accept(switch (event) {
                case BusEvent.ContactChanged changed -> new ContactChange(contact.before(changed.properties()),
                        contact, PropertyChangeEvents.of(contact, changed.properties(), clock.instant()));
                case BusEvent.ContactActivity activity -> new ContactChange(
                        ListMembershipEvents.before(contact, activity.event()), contact, List.of(activity.event()));
            });
        }
    }
}
