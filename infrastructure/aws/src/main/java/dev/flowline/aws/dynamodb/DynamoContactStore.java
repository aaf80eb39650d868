package dev.flowline.aws.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.PropertyValue;
import dev.flowline.engine.contact.SubscriptionState;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Contacts in DynamoDB, one item each: the properties with their history, static lists, activity events and
 * subscriptions as one gzipped JSON document. An item holds at most 400 KB, so a saved contact keeps the latest
 * {@value #MAX_VERSIONS} versions of each property and its latest {@value #MAX_EVENTS} activity events; older
 * ones are dropped on save (a history that would then begin with a cleared value begins at the next value
 * instead). The current email, lower-cased, is also an attribute of its own for the lookup by email.
 */
public final class DynamoContactStore implements ContactStore {

    public static final int MAX_VERSIONS = 20;
    public static final int MAX_EVENTS = 500;

    private static final String CONTACT_ID = "contactId";
    private static final String EMAIL = "email";
    private static final String DOCUMENT = "doc";
    private static final ObjectMapper JSON = FlowlineJson.mapper();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoContactStore(DynamoDbClient dynamo, FlowlineTables tables) {
        this.dynamo = dynamo;
        this.table = tables.contacts();
    }

    @Override
    public Optional<Contact> find(String contactId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(CONTACT_ID, fromS(contactId)))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(contactOf(contactId, item.get(DOCUMENT).b()));
    }

    @Override
    public void save(Contact contact) {
        var item = new HashMap<String, AttributeValue>();
        item.put(CONTACT_ID, fromS(contact.id()));
        item.put(DOCUMENT, fromB(gzip(Document.of(contact))));
        contact.email().ifPresent(email -> item.put(EMAIL, fromS(email.toLowerCase(Locale.ROOT))));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The contact whose email is {@code email}, ignoring case. */
    public Optional<Contact> findByEmail(String email) {
        return dynamo.query(b -> b.tableName(table).indexName(FlowlineTables.CONTACTS_EMAIL_INDEX)
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", EMAIL))
                        .expressionAttributeValues(Map.of(":e", fromS(email.toLowerCase(Locale.ROOT)))))
                .items().stream().findFirst()
                .flatMap(key -> find(key.get(CONTACT_ID).s()));
    }

    /** A page of contacts in the table's (unspecified) order, from after the contact {@code after}. */
    public Page<Contact> page(String after, int limit) {
        var request = ScanRequest.builder().tableName(table).consistentRead(true).limit(limit);
        if (after != null) {
            request.exclusiveStartKey(Map.of(CONTACT_ID, fromS(after)));
        }
        var response = dynamo.scan(request.build());
        List<Contact> contacts = response.items().stream()
                .map(item -> contactOf(item.get(CONTACT_ID).s(), item.get(DOCUMENT).b())).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page<>(contacts, more ? Optional.of(response.lastEvaluatedKey().get(CONTACT_ID).s())
                : Optional.empty());
    }

    /**
     * One page of at most {@code limit} contacts of segment {@code segment} of a parallel scan in
     * {@code totalSegments} segments, after the contact {@code after} (null: from the segment's start).
     */
    public Page<Contact> scan(int segment, int totalSegments, String after, int limit) {
        var response = dynamo.scan(b -> b.tableName(table).segment(segment).totalSegments(totalSegments).limit(limit)
                .exclusiveStartKey(after == null ? null : Map.of(CONTACT_ID, fromS(after))));
        List<Contact> contacts = response.items().stream()
                .map(item -> contactOf(item.get(CONTACT_ID).s(), item.get(DOCUMENT).b())).toList();
        return new Page<>(contacts, response.lastEvaluatedKey().isEmpty() ? Optional.empty()
                : Optional.of(response.lastEvaluatedKey().get(CONTACT_ID).s()));
    }

    /** Removes the contact's item entirely (a privacy deletion request). */
    public void delete(String contactId) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(CONTACT_ID, fromS(contactId))));
    }

    private static SdkBytes gzip(Document document) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            JSON.writeValue(out, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }

    private static Contact contactOf(String contactId, SdkBytes gzipped) {
        try (var in = new GZIPInputStream(gzipped.asInputStream())) {
            return JSON.readValue(in, Document.class).toContact(contactId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored form of a contact, with short field names; times are ISO-8601 instants. */
    record Document(Map<String, List<Version>> p, List<String> l, List<Event> e, Map<String, SubscriptionState> s) {

        record Version(String v, String t) {
        }

        record Event(String t, String at, Map<String, String> p) {
        }

        static Document of(Contact contact) {
            var properties = new LinkedHashMap<String, List<Version>>();
            for (String name : contact.propertyNames()) {
                List<Version> kept = latest(contact.history(name), MAX_VERSIONS).stream()
                        .dropWhile(version -> !version.isSet())
                        .map(version -> new Version(version.value(), version.timestamp().toString()))
                        .toList();
                if (!kept.isEmpty()) {
                    properties.put(name, kept);
                }
            }
            List<Event> events = latest(contact.events(), MAX_EVENTS).stream()
                    .map(event -> new Event(event.eventTypeId(), event.occurredAt().toString(), event.properties()))
                    .toList();
            return new Document(properties, List.copyOf(contact.staticListIds()), events, contact.subscriptions());
        }

        Contact toContact(String contactId) {
            var contact = new Contact(contactId);
            p.forEach((name, versions) -> versions.forEach(v -> contact.setProperty(name, v.v(), Instant.parse(v.t()))));
            l.forEach(contact::addToList);
            e.forEach(event -> contact.record(new ActivityEvent(event.t(), Instant.parse(event.at()), event.p())));
            s.forEach(contact::subscribe);
            contact.takeChanges();
            return contact;
        }

        private static <T> List<T> latest(List<T> all, int bound) {
            return all.subList(Math.max(0, all.size() - bound), all.size());
        }
    }
}
