package dev.flowline.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.AwsEngines;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.eventbridge.BusEvent;
import dev.flowline.aws.eventbridge.CauseChain;
import dev.flowline.aws.ses.SesEmailEvents;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.enrolment.ContactChange;
import dev.flowline.engine.json.FlowlineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Messages of the trigger and goal queues: each body is an EventBridge event whose detail is a {@link BusEvent}.
 * The contact is loaded and the event turned into the {@link ContactChange} the engine reads: for changed
 * properties, the contact before them and a property-change event each; for an activity, the event (its
 * publisher recorded it on the contact first). An event about a contact that does not exist (any longer: archived
 * or erased by a privacy deletion) does nothing, and so never brings it back. Each event goes to the engine of its
 * account; one without an account, to the deployment's default account.
 * <p>
 * An SES email event (source {@value #SES_SOURCE}, from a configuration set's EventBridge destination) is
 * recorded on the contact with that address in the account the email was tagged with, and published as a
 * {@code contact.activity} like any other: the engine reads it when that event comes back. An address no
 * contact has, or an event type not tracked, is dropped.
 */
public final class ContactEventRecords implements SqsBatch.RecordHandler<ContactEventRecords.Message> {

    private static final Logger LOG = LoggerFactory.getLogger(ContactEventRecords.class);

    static final String SES_SOURCE = "aws.ses";

    /** A message of the queue: an event of the engine's bus, or an SES email event. */
    public sealed interface Message {
    }

    record FromBus(BusEvent event) implements Message {
    }

    record FromSes(String id, Account account, Optional<SesEmailEvents.EmailEvent> email) implements Message {
    }

    private final AwsEngines engines;
    private final BiPredicate<AwsEngine, BusEvent> concerned;
    private final BiConsumer<AwsEngine, ContactChange> onChange;

    /** Only for the events their account's engine is {@code concerned} by: the others' contacts are not even read. */
    public ContactEventRecords(AwsEngines engines, BiPredicate<AwsEngine, BusEvent> concerned,
                               BiConsumer<AwsEngine, ContactChange> onChange) {
        this.engines = engines;
        this.concerned = concerned;
        this.onChange = onChange;
    }

    @Override
    public Message decode(String body) {
        JsonNode envelope = FlowlineJson.read(body, JsonNode.class);
        JsonNode detail = envelope.path("detail");
        if (!detail.isObject()) {
            throw new IllegalArgumentException("not an EventBridge event with a detail object");
        }
        if (SES_SOURCE.equals(envelope.path("source").asText())) {
            Optional<SesEmailEvents.EmailEvent> email = SesEmailEvents.of(detail);
            Account account = email.map(SesEmailEvents.EmailEvent::account).filter(id -> !id.isEmpty())
                    .map(Account::new).orElse(engines.config().defaultAccount());
            return new FromSes(envelope.path("id").asText(), account, email);
        }
        BusEvent event = BusEvent.parse(envelope.path("detail-type").asText(), detail.toString(),
                engines.config().defaultAccount());
        if (event.contactId().isEmpty()) {
            throw new IllegalArgumentException("the event names no contact");
        }
        return new FromBus(event);
    }

    @Override
    public Map<String, String> logFields(Message message) {
        return switch (message) {
            case FromBus(BusEvent event) -> Map.of("eventId", event.id(), "account", event.account().id(),
                    "contactId", event.contactId(), "detailType", event.detailType());
            case FromSes ses -> Map.of("eventId", ses.id(), "account", ses.account().id(), "source", SES_SOURCE);
        };
    }

    @Override
    public void handle(Message message) {
        switch (message) {
            case FromBus(BusEvent event) -> handle(event);
            case FromSes ses -> ses.email().ifPresent(email -> {
                AwsEngine engine = engines.of(ses.account());
                engine.engine().ports().contacts().findByEmail(email.recipient())
                        .ifPresent(contact -> engine.engine().context().events().activity(contact.id(), email.event()));
            });
        }
    }

    private void handle(BusEvent event) {
        AwsEngine engine = engines.of(event.account());
        if (!concerned.test(engine, event)) {
            return;
        }
        Optional<Contact> found = engine.engine().ports().contacts().find(event.contactId());
        if (found.isEmpty()) {
            LOG.info("the event's contact does not exist (any longer): nothing to do");
            return;
        }
        Contact contact = found.get();
        try (var chain = CauseChain.open(event.causes(), event.id())) {
            onChange.accept(engine, switch (event) {
                case BusEvent.ContactChanged changed ->
                        ContactChange.ofProperties(contact, changed.properties(), engine.clock().instant());
                case BusEvent.ContactActivity activity -> ContactChange.ofActivity(contact, activity.event());
            });
        }
    }
}
