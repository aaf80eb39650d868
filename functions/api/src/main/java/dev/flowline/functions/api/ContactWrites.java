package dev.flowline.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.Engine;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.enrolment.EngineEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
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
 * Creates, updates and finds contacts for the CRM API. Every change is saved, then published on the bus as a
 * contact change naming the changed properties (all of them for a new contact), so triggers and goals see it.
 * Requests are checked whole first: nothing is written when any input is wrong.
 */
final class ContactWrites {

    /** HubSpot's limit on one property value, in characters. */
    static final int MAX_VALUE_LENGTH = 65_536;
    /** The most properties one input may set. */
    static final int MAX_PROPERTIES = 1_000;
    /** The longest email address there can be (RFC 5321); it is also a key of the lookup by email. */
    static final int MAX_EMAIL_LENGTH = 254;

    private final Clock clock;
    private final ContactStore contacts;
    private final EngineEvents events;

    ContactWrites(Engine engine) {
        this.clock = engine.ports().clock();
        this.contacts = engine.ports().contacts();
        this.events = engine.context().events();
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
            if (p.getValue().isContainerNode()) {
                errors.add(new ApiError(in, "a property value must be a string, number, boolean or null"));
            } else if (Contact.EMAIL.equals(p.getKey()) && p.getValue().asText().length() > MAX_EMAIL_LENGTH) {
                errors.add(new ApiError(in, "an email address can have at most " + MAX_EMAIL_LENGTH + " characters"));
            } else if (p.getValue().asText().length() > MAX_VALUE_LENGTH) {
                errors.add(new ApiError(in, "a property value can have at most " + MAX_VALUE_LENGTH
                        + " characters; this one has " + p.getValue().asText().length()));
            } else {
                values.put(p.getKey(), p.getValue().isNull() ? null : p.getValue().asText());
            }
        });
        return values;
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

    Contact create(Map<String, String> properties) {
        return create(newContact(properties));
    }

    /**
     * Creates all the contacts or none: each is checked to fit in a stored item before the first is written, so
     * that one too large halfway through does not leave the ones before it behind.
     */
    List<Contact> createAll(List<Map<String, String>> properties) {
        List<Contact> created = properties.stream().map(this::newContact).toList();
        for (int i = 0; i < created.size(); i++) {
            if (!contacts.fits(created.get(i))) {
                throw new ApiException(413, "PAYLOAD_TOO_LARGE", "the record would be larger than one stored item "
                        + "holds (400 KB, compressed): write fewer or shorter values; no contact was created",
                        List.of(new ApiError("/inputs/" + i + "/properties", "too large to store")));
            }
        }
        return created.stream().map(this::create).toList();
    }

    private Contact newContact(Map<String, String> properties) {
        Instant now = clock.instant();
        var contact = new Contact(newId());
        properties.forEach((name, value) -> contact.setProperty(name, value, now));
        contact.setProperty(ContactJson.OBJECT_ID, contact.id(), now);
        contact.setProperty(ContactJson.CREATE_DATE, now.toString(), now);
        contact.setProperty(ContactJson.LAST_MODIFIED, now.toString(), now);
        return contact;
    }

    private Contact create(Contact contact) {
        Set<String> changed = contact.takeChanges();
        contacts.create(contact);
        events.propertiesChanged(contact.id(), changed);
        return contact;
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
        Contact saved = contacts.save(contact)
                .orElseThrow(() -> ApiException.notFound("Could not find contact " + contact.id()));
        events.propertiesChanged(contact.id(), changed);
        return saved;
    }

    /** The contact with id {@code id}, or with the email {@code id} when {@code idProperty} is "email". */
    Optional<Contact> find(String id, Optional<String> idProperty) {
        return switch (idProperty.orElse(ContactJson.OBJECT_ID)) {
            case Contact.EMAIL -> contacts.findByEmail(id);
            case ContactJson.OBJECT_ID -> contacts.find(id);
            default -> throw ApiException.badRequest("idProperty must be email or hs_object_id, not "
                    + idProperty.get());
        };
    }

    Contact existing(String id, Optional<String> idProperty) {
        return find(id, idProperty).orElseThrow(() -> ApiException.notFound("Could not find contact " + id));
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
