package dev.flowline.aws.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.aws.accounts.Account;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.SubscriptionState;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Contacts in DynamoDB, one item each: the properties with their history, static lists, activity events and
 * subscriptions as one gzipped JSON document. An item holds at most 400 KB, so a saved contact keeps the latest
 * {@value #MAX_VERSIONS} versions of each property and its latest {@value #MAX_EVENTS} activity events; older
 * ones are dropped on save (a history that would then begin with a cleared value begins at the next value
 * instead). The current email, lower-cased, is also an attribute of its own for the lookup by email. The contact id
 * and the email are stored as {@link Account#key account keys}; listings scan the table and keep the account's.
 * A version attribute, advanced by every write, makes each write conditional on the version the writer read (see
 * {@link ContactStore#save}): a write that lost the race, or that would bring back a deleted contact, stores nothing.
 * An item written before contacts had versions reads as version 0.
 */
public final class DynamoContactStore implements ContactStore {

    public static final int MAX_VERSIONS = 20;
    public static final int MAX_EVENTS = 500;

    private static final String CONTACT_ID = "contactId";
    private static final String EMAIL = "email";
    private static final String DOCUMENT = "doc";
    private static final String VERSION = "ver";
    private static final ObjectMapper JSON = FlowlineJson.mapper();

    /** DynamoDB's largest item: attribute names and values, in bytes. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Account account;

    public DynamoContactStore(DynamoDbClient dynamo, FlowlineTables tables, Account account) {
        this.dynamo = dynamo;
        this.table = tables.contacts();
        this.account = account;
    }

    @Override
    public Optional<Contact> find(String contactId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(contactId))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(contactOf(contactId, item));
    }

    @Override
    public void create(Contact contact) {
        if (!put(contact, 1, "attribute_not_exists(#id)", Map.of("#id", CONTACT_ID), Map.of())) {
            throw new IllegalStateException("a contact with id " + contact.id() + " already exists");
        }
    }

    @Override
    public boolean replaceIfUnchanged(Contact contact) {
        long read = contact.version();
        return read == 0
                ? put(contact, 1, "attribute_exists(#id) AND attribute_not_exists(#v)",
                        Map.of("#id", CONTACT_ID, "#v", VERSION), Map.of())
                : put(contact, read + 1, "#v = :read", Map.of("#v", VERSION),
                        Map.of(":read", fromN(String.valueOf(read))));
    }

    /** Whether the contact's item stays within DynamoDB's {@value #MAX_ITEM_BYTES} bytes, so that it can be saved. */
    @Override
    public boolean fits(Contact contact) {
        long bytes = 0;
        for (var attribute : itemOf(contact).entrySet()) {
            AttributeValue value = attribute.getValue();
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (value.b() != null ? value.b().asByteArray().length : value.s().getBytes(StandardCharsets.UTF_8).length);
        }
        return bytes <= MAX_ITEM_BYTES;
    }

    /** Writes the contact at {@code version} if {@code condition} holds, and marks it stored. */
    private boolean put(Contact contact, long version, String condition, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        var item = itemOf(contact);
        item.put(VERSION, fromN(String.valueOf(version)));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        contact.stored(version);
        return true;
    }

    /** The item's attributes but its version. */
    private Map<String, AttributeValue> itemOf(Contact contact) {
        var item = new HashMap<String, AttributeValue>();
        item.put(CONTACT_ID, fromS(account.key(contact.id())));
        item.put(DOCUMENT, fromB(gzip(Document.of(contact))));
        contact.email().ifPresent(email -> item.put(EMAIL, fromS(account.key(email.toLowerCase(Locale.ROOT)))));
        return item;
    }

    @Override
    public Optional<Contact> findByEmail(String email) {
        return dynamo.query(b -> b.tableName(table).indexName(FlowlineTables.CONTACTS_EMAIL_INDEX)
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", EMAIL))
                        .expressionAttributeValues(Map.of(":e", fromS(account.key(email.toLowerCase(Locale.ROOT))))))
                .items().stream().findFirst()
                .flatMap(key -> find(account.strip(key.get(CONTACT_ID).s())));
    }

    /**
     * A page of the account's contacts in the table's (unspecified) order, from after the contact {@code after}. The
     * scan reads on past other accounts' items until the page is full, so a listing costs reads in proportion to
     * the table, and a page ends on one of the account's contacts, whose id is the key of the next.
     */
    @Override
    public Page<Contact> page(String after, int limit) {
        var contacts = new ArrayList<Contact>();
        Map<String, AttributeValue> start = after == null ? null : key(after);
        do {
            var response = dynamo.scan(ofAccount(ScanRequest.builder().consistentRead(true).exclusiveStartKey(start)));
            for (var item : response.items()) {
                contacts.add(contactOf(item));
                if (contacts.size() == limit) {
                    return new Page<>(contacts, Optional.of(account.strip(item.get(CONTACT_ID).s())));
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Page<>(contacts, Optional.empty());
    }

    /**
     * The account's contacts among the next {@code limit} items of segment {@code segment} of a parallel scan in
     * {@code totalSegments} segments, after the position {@code after} (null: from the segment's start). A page
     * may hold few contacts, or none, before the segment ends. Its next position is a stored key, possibly of
     * another account's item: it is for the next call only, never for an API answer.
     */
    @Override
    public Page<Contact> scan(int segment, int totalSegments, String after, int limit) {
        var response = dynamo.scan(ofAccount(ScanRequest.builder().segment(segment).totalSegments(totalSegments)
                .limit(limit).exclusiveStartKey(after == null ? null : Map.of(CONTACT_ID, fromS(after)))));
        return new Page<>(response.items().stream().map(this::contactOf).toList(),
                response.lastEvaluatedKey().isEmpty() ? Optional.empty()
                        : Optional.of(response.lastEvaluatedKey().get(CONTACT_ID).s()));
    }

    private ScanRequest ofAccount(ScanRequest.Builder request) {
        return request.tableName(table)
                .filterExpression("begins_with(#id, :account)")
                .expressionAttributeNames(Map.of("#id", CONTACT_ID))
                .expressionAttributeValues(Map.of(":account", fromS(account.prefix())))
                .build();
    }

    private Contact contactOf(Map<String, AttributeValue> item) {
        return contactOf(account.strip(item.get(CONTACT_ID).s()), item);
    }

    @Override
    public void delete(String contactId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(contactId)));
    }

    private Map<String, AttributeValue> key(String contactId) {
        return Map.of(CONTACT_ID, fromS(account.key(contactId)));
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

    private static Contact contactOf(String contactId, Map<String, AttributeValue> item) {
        Contact contact;
        try (var in = new GZIPInputStream(item.get(DOCUMENT).b().asInputStream())) {
            contact = JSON.readValue(in, Document.class).toContact(contactId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AttributeValue version = item.get(VERSION);
        contact.stored(version == null ? 0 : Long.parseLong(version.n()));
        return contact;
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
