package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.Engine;
import dev.flowline.aws.lambda.LogSafe;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.EmailAddress;
import dev.flowline.engine.contact.PropertyName;
import dev.flowline.engine.contact.PropertyValue;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.enrolment.ContactEventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates, updates and finds contacts for the CRM API. Every change is saved with its events, a contact change naming
 * the changed properties (all of them for a new contact) and, for a new contact, HubSpot's "object created" activity
 * ({@link StandardEvents#OBJECT_CREATED}, recorded on the contact), in one write; the events are then published on the
 * bus, so triggers and goals see them. When the bus refuses it, the change stands and the event waits for the sweep
 * ({@link ContactEventOutbox}). Requests are checked whole first: nothing is written when any input is wrong. A
 * create repeated after a failure that came after its write answers as the first would have ({@link #madeBy}).
 */
final class ContactWrites {

    /** HubSpot's limit on one property value, in characters. */
    static final int MAX_VALUE_LENGTH = 65_536;
    /** The most properties one input may set. */
    static final int MAX_PROPERTIES = 1_000;

    /** How long after a create a repeat of it gets the contact it created rather than a 409. */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    /** The properties every create sets itself. */
    private static final Set<String> SET_ON_CREATE =
            Set.of(ContactJson.OBJECT_ID, ContactJson.CREATE_DATE, ContactJson.LAST_MODIFIED);
    private static final Logger LOG = LoggerFactory.getLogger(ContactWrites.class);

    private final Clock clock;
    private final ContactStore contacts;
    private final ContactEventOutbox outbox;

    ContactWrites(Engine engine) {
        this.clock = engine.ports().clock();
        this.contacts = engine.ports().contacts();
        this.outbox = engine.contactEvents();
    }

    /** The {@code properties} object at {@code at}: property names to text values (null clears). */
    static Map<String, String> properties(JsonNode input, String at, List<ApiError> errors) {
        JsonNode properties = input.path("properties");
        if (!properties.isObject()) {
            errors.add(new ApiError(at + "/properties", "properties must be a JSON object"));
            return Map.of();
        }
        if (properties.size() > MAX_PROPERTIES) {
            errors.add(new ApiError(at + "/properties", "at most " + MAX_PROPERTIES + " properties can be set at "
                    + "once; this input has " + properties.size()));
            return Map.of();
        }
        var values = new LinkedHashMap<String, String>();
        properties.properties().forEach(p -> {
            String in = at + "/properties/" + p.getKey().replace("~", "~0").replace("/", "~1");
            String value = p.getValue().isNull() ? null : p.getValue().asText();
            Optional<ApiError> problem = p.getValue().isContainerNode()
                    ? Optional.of(new ApiError(in, "a property value must be a string, number, boolean or null"))
                    : problem(in, p.getKey(), value);
            problem.ifPresentOrElse(errors::add, () -> values.put(p.getKey(), value));
        });
        return values;
    }

    /**
     * What is wrong with setting {@code name} to {@code value} (null or "" clears it), reported at {@code in}: a name
     * no HubSpot property can have, an email that is no address, a value longer than HubSpot keeps.
     */
    static Optional<ApiError> problem(String in, String name, String value) {
        Optional<String> badName = PropertyName.problem(name);
        if (badName.isPresent()) {
            return Optional.of(new ApiError(in, badName.get(), ApiError.PROPERTY_DOESNT_EXIST));
        }
        if (Contact.EMAIL.equals(name) && value != null && !value.isEmpty()) {
            return emailProblem(in, value);
        }
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            return Optional.of(new ApiError(in, "a property value can have at most " + MAX_VALUE_LENGTH
                    + " characters; this one has " + value.length()));
        }
        return Optional.empty();
    }

    /** A 400's error ({@code INVALID_EMAIL}, at {@code in}) when {@code email} is not an email address. */
    static Optional<ApiError> emailProblem(String in, String email) {
        return EmailAddress.problem(email).map(problem -> new ApiError(in, problem, ApiError.INVALID_EMAIL));
    }

    /**
     * Refuses with a 409 an email that another contact (or another input of the same request) already has.
     * {@code emails} maps each input's contact id (null for a new one) to the email it sets.
     */
    void requireUniqueEmails(List<Map.Entry<String, String>> emails) {
        Set<String> seen = new HashSet<>();
        for (var entry : emails) {
            String email = entry.getValue().toLowerCase(Locale.ROOT);
            Optional<Contact> owner = contacts.findByEmail(email);
            if (!seen.add(email) || owner.isPresent() && !owner.get().id().equals(entry.getKey())) {
                throw ApiException.conflict("A contact with the email '" + entry.getValue() + "' already exists.");
            }
        }
    }

    /** Creates a contact, or answers a repeat with the contact it created; a 409 when another has the email. */
    Contact create(Map<String, String> properties) {
        return earlierCreate(properties, new HashSet<>()).map(this::repeated)
                .orElseGet(() -> create(newContact(properties)));
    }

    /**
     * Creates all the contacts or none: each is checked to fit in a stored item before the first is written, so
     * that one too large halfway through does not leave the ones before it behind. An input repeated from an
     * earlier attempt of the batch that failed after writing it gets the contact it created then.
     */
    List<Contact> createAll(List<Map<String, String>> properties) {
        Set<String> emails = new HashSet<>();
        List<Optional<Contact>> earlier = properties.stream().map(input -> earlierCreate(input, emails)).toList();
        var created = new ArrayList<Contact>();
        for (int i = 0; i < properties.size(); i++) {
            Contact contact = earlier.get(i).isPresent() ? earlier.get(i).get() : newContact(properties.get(i));
            if (earlier.get(i).isEmpty() && !contacts.fits(contact)) {
                throw new ApiException(413, "PAYLOAD_TOO_LARGE", "the record would be larger than one stored item "
                        + "holds (400 KB, compressed): write fewer or shorter values; no contact was created",
                        List.of(new ApiError("/inputs/" + i + "/properties", "too large to store")));
            }
            created.add(contact);
        }
        for (int i = 0; i < created.size(); i++) {
            created.set(i, earlier.get(i).isPresent() ? repeated(created.get(i)) : create(created.get(i)));
        }
        return created;
    }

    /**
     * The contact an earlier attempt of this create made, when the email it sets is that contact's (see
     * {@link #madeBy}). Refuses with a 409 an email another contact has, or another input of the request
     * ({@code emails} holds theirs, lower-cased).
     */
    private Optional<Contact> earlierCreate(Map<String, String> properties, Set<String> emails) {
        String email = properties.get(Contact.EMAIL);
        if (email == null || email.isEmpty()) {
            return Optional.empty();
        }
        Optional<Contact> owner = contacts.findByEmail(email);
        if (!emails.add(email.toLowerCase(Locale.ROOT)) || owner.isPresent() && !madeBy(owner.get(), properties)) {
            throw ApiException.conflict("A contact with the email '" + email + "' already exists.");
        }
        return owner;
    }

    /**
     * Whether {@code contact} is the one a create with {@code properties} made within {@link #REPEAT_WINDOW}: created
     * with these values and no others. A create repeated after a 5xx, which may have come after its write, then gets
     * the contact instead of a 409. So does the same create sent twice on purpose in that time: without an
     * idempotency key the two cannot be told apart, and both leave the contact the client asked for.
     */
    private boolean madeBy(Contact contact, Map<String, String> properties) {
        List<PropertyValue> creation = contact.history(ContactJson.CREATE_DATE);
        if (creation.isEmpty() || creation.getFirst().timestamp().isBefore(clock.instant().minus(REPEAT_WINDOW))) {
            return false;
        }
        Instant created = creation.getFirst().timestamp();
        var setThen = new HashMap<String, String>();
        for (String name : contact.propertyNames()) {
            List<PropertyValue> history = contact.history(name);
            PropertyValue first = history.isEmpty() ? null : history.getFirst();
            if (first != null && first.isSet() && first.timestamp().equals(created)) {
                setThen.put(name, first.value());
            }
        }
        var asked = new HashMap<>(properties);
        asked.values().removeIf(value -> value == null || value.isEmpty());
        setThen.keySet().removeAll(SET_ON_CREATE);
        asked.keySet().removeAll(SET_ON_CREATE);
        return setThen.equals(asked);
    }

    /** The contact a repeated create made, its events published if its first attempt could not. */
    private Contact repeated(Contact contact) {
        publishing(contact.id(), () -> outbox.publishPending(contact.id()));
        return contact;
    }

    /** A new contact with its created event recorded, so that the size checked before a batch is the size saved. */
    private Contact newContact(Map<String, String> properties) {
        Instant now = clock.instant();
        var contact = new Contact(newId());
        properties.forEach((name, value) -> contact.setProperty(name, value, now));
        contact.setProperty(ContactJson.OBJECT_ID, contact.id(), now);
        contact.setProperty(ContactJson.CREATE_DATE, now.toString(), now);
        contact.setProperty(ContactJson.LAST_MODIFIED, now.toString(), now);
        contact.record(new ActivityEvent(StandardEvents.OBJECT_CREATED, now, Map.of()));
        return contact;
    }

    /** Saves a new contact with its two events, a change naming every property and the created activity. */
    private Contact create(Contact contact) {
        Instant now = clock.instant();
        ActivityEvent created = contact.events(StandardEvents.OBJECT_CREATED).getFirst();
        List<ContactEvent> events = List.of(ContactEvent.changed(contact.takeChanges(), now),
                ContactEvent.of(created, now));
        contacts.create(contact, events);
        publishing(contact.id(), () -> outbox.publish(contact.id(), events));
        return contact;
    }

    /** Publishes events a write saved; when the bus refuses them, the write stands and the sweep publishes them. */
    private static void publishing(String contactId, Runnable publish) {
        try {
            publish.run();
        } catch (RuntimeException e) {
            LOG.warn("contact {}: its write is saved, its events are left to the sweep: {}", contactId,
                    LogSafe.describe(e));
        }
    }

    /**
     * Sets the properties and saves them onto the contact as stored now (merged with writes made since it was read);
     * a contact deleted meanwhile stays deleted and answers 404.
     */
    Contact update(Contact contact, Map<String, String> properties) {
        Instant now = clock.instant();
        properties.forEach((name, value) -> contact.setProperty(name, value, now));
        Set<String> changed = new LinkedHashSet<>(contact.takeChanges());
        if (changed.isEmpty()) {
            return contact;
        }
        if (!changed.contains(ContactJson.LAST_MODIFIED)) {
            contact.setProperty(ContactJson.LAST_MODIFIED, now.toString(), now);
            changed.addAll(contact.takeChanges());
        }
        ContactEvent event = ContactEvent.changed(changed, now);
        Contact saved = contacts.save(contact, List.of(event))
                .orElseThrow(() -> ApiException.notFound("Could not find contact " + contact.id()));
        publishing(contact.id(), () -> outbox.publish(contact.id(), List.of(event)));
        return saved;
    }

    /**
     * The contact with id {@code id}, or with the email {@code id} when {@code idProperty} is "email"; an email that
     * is no address is a 400 at {@code in}, where the request holds the id.
     */
    Optional<Contact> find(String id, Optional<String> idProperty, String in) {
        return switch (idProperty.orElse(ContactJson.OBJECT_ID)) {
            case Contact.EMAIL -> {
                emailProblem(in, id).ifPresent(problem -> {
                    throw ApiException.invalid("the email address is not valid", List.of(problem));
                });
                yield contacts.findByEmail(id);
            }
            case ContactJson.OBJECT_ID -> contacts.find(id);
            default -> throw ApiException.badRequest("idProperty must be email or hs_object_id, not "
                    + idProperty.get());
        };
    }

    Contact existing(String id, Optional<String> idProperty, String in) {
        return find(id, idProperty, in).orElseThrow(() -> ApiException.notFound("Could not find contact " + id));
    }

    /** Removes the contact; its enrolments end at their next step, which finds no contact (CONTACT_DELETED). */
    void archive(Contact contact) {
        contacts.delete(contact.id());
    }

    /** A numeric id, as HubSpot's record ids are. */
    private static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000_000L));
    }

    static List<Map.Entry<String, String>> emailsOf(List<String> ids, List<Map<String, String>> properties) {
        var emails = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i < properties.size(); i++) {
            String email = properties.get(i).get(Contact.EMAIL);
            if (email != null && !email.isEmpty()) {
                emails.add(new AbstractMap.SimpleEntry<>(ids.get(i), email));
            }
        }
        return emails;
    }
}
