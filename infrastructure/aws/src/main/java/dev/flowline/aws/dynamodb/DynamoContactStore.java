package dev.flowline.aws.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.aws.accounts.Account;
import dev.flowline.aws.iam.Permissions;
import dev.flowline.engine.Page;
import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactEvent;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.contact.SubscriptionState;
import dev.flowline.engine.json.FlowlineJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * <p>
 * The events a write causes are added to the item's {@code pending} string set in the same write, which also puts
 * the item in the sparse {@code pending} index (its shard and the time of that write), where the sweep finds it
 * ({@link PendingContactEvents}). Publishing them takes them out, and the item out of the index with the last.
 */
public final class DynamoContactStore implements ContactStore {

    /** The AWS calls it makes: Scan: pages of contacts, activation segments and privacy deletion; DeleteItem: erasure. */
    public static final Permissions PERMISSIONS = Permissions.on("ContactsTable", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:Scan").and("ContactsTable/index/email", "dynamodb:Query");

    public static final int MAX_VERSIONS = 20;
    public static final int MAX_EVENTS = 500;

    private static final String CONTACT_ID = "contactId";
    private static final String EMAIL = "email";
    private static final String DOCUMENT = "doc";
    private static final String VERSION = "ver";
    /** The pending events, a string set of their stored form, and the sparse pending index's keys. */
    static final String PENDING = "pending";
    static final String PENDING_SHARD = "pendingShard";
    static final String PENDING_SINCE = "pendingSince";
    /** The keys of the pending index, so that the writes of a busy API do not all go to one of its partitions. */
    static final int PENDING_SHARDS = 8;
    /** Of fixed width, so that the index orders the times as strings. */
    static final DateTimeFormatter PENDING_SINCE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = FlowlineJson.mapper();

    /** DynamoDB's largest item: attribute names and values, in bytes. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;
    /** Saved together: within a transaction's 100 items and 4 MB, however large the contacts. */
    static final int SAVES_PER_TRANSACTION = 50;
    static final long TRANSACTION_BYTES = 3L * 1024 * 1024;

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
    public void create(Contact contact, List<ContactEvent> events) {
        if (!write(contact, 1, update(contact, 1, "attribute_not_exists(#id)", Map.of("#id", CONTACT_ID), Map.of(),
                events))) {
            throw new IllegalStateException("a contact with id " + contact.id() + " already exists");
        }
    }

    @Override
    public boolean replaceIfUnchanged(Contact contact, List<ContactEvent> events) {
        return write(contact, contact.version() + 1, replacement(contact, events));
    }

    /**
     * Replaces the contacts unchanged since they were read in transactions of up to {@value #SAVES_PER_TRANSACTION}
     * (and {@value #TRANSACTION_BYTES} bytes); a transaction one of whose contacts changed meanwhile writes nothing,
     * and is tried again without it, which is then saved on its own, merging ({@link ContactStore#save}).
     */
    @Override
    public void saveAll(List<Contact> contacts) {
        var left = new ArrayList<>(contacts);
        while (!left.isEmpty()) {
            var group = new ArrayList<Contact>();
            var updates = new ArrayList<TransactWriteItem>();
            long bytes = 0;
            for (Contact contact : left) {
                Update update = replacement(contact, List.of());
                long size = bytes(update.expressionAttributeValues());
                if (!group.isEmpty() && (group.size() == SAVES_PER_TRANSACTION || bytes + size > TRANSACTION_BYTES)) {
                    break;
                }
                group.add(contact);
                updates.add(TransactWriteItem.builder().update(update).build());
                bytes += size;
            }
            Set<Integer> changed = Transactions.write(dynamo, updates);
            if (changed.isEmpty()) {
                group.forEach(contact -> contact.stored(contact.version() + 1));
                left.removeAll(group);
            } else {
                changed.stream().map(group::get).forEach(contact -> {
                    left.remove(contact);
                    save(contact);
                });
            }
        }
    }

    /** The conditional update that replaces the contact at the version it was read at. */
    private Update replacement(Contact contact, List<ContactEvent> events) {
        long read = contact.version();
        return read == 0
                ? update(contact, 1, "attribute_exists(#id) AND attribute_not_exists(#v)", Map.of("#id", CONTACT_ID),
                        Map.of(), events)
                : update(contact, read + 1, "#v = :read", Map.of(), Map.of(":read", fromN(String.valueOf(read))),
                        events);
    }

    @Override
    public List<ContactEvent> pendingEvents(String contactId) {
        return eventsOf(dynamo.getItem(b -> b.tableName(table).key(key(contactId)).consistentRead(true)
                .projectionExpression("#p").expressionAttributeNames(Map.of("#p", PENDING))).item());
    }

    /**
     * Clears the events. When they are all the contact's pending events, as they are unless another write added some
     * meanwhile, the item leaves the pending index in the same write; otherwise it stays there for the sweep.
     */
    @Override
    public void published(String contactId, List<ContactEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> stored = events.stream().map(DynamoContactStore::asStored).toList();
        var values = new HashMap<String, AttributeValue>();
        values.put(":n", fromN(String.valueOf(stored.size())));
        var each = new ArrayList<String>();
        for (int i = 0; i < stored.size(); i++) {
            values.put(":e" + i, fromS(stored.get(i)));
            each.add("contains(#p, :e" + i + ")");
        }
        if (update(contactId, "REMOVE #p, #ps, #pt", "size(#p) = :n AND " + String.join(" AND ", each),
                Map.of("#p", PENDING, "#ps", PENDING_SHARD, "#pt", PENDING_SINCE), values)) {
            return;
        }
        update(contactId, "DELETE #p :p", "attribute_exists(#id)", Map.of("#p", PENDING, "#id", CONTACT_ID),
                Map.of(":p", AttributeValue.fromSs(stored)));
    }

    private boolean update(String contactId, String update, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(contactId)).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Whether the contact's item stays within DynamoDB's {@value #MAX_ITEM_BYTES} bytes, so that it can be saved. */
    @Override
    public boolean fits(Contact contact) {
        return bytes(itemOf(contact)) <= MAX_ITEM_BYTES;
    }

    /** The names and values of text, binary and number attributes, in bytes, as DynamoDB sizes items. */
    private static long bytes(Map<String, AttributeValue> attributes) {
        long bytes = 0;
        for (var attribute : attributes.entrySet()) {
            AttributeValue value = attribute.getValue();
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + (value.b() != null
                    ? value.b().asByteArray().length : value.s() != null
                    ? value.s().getBytes(StandardCharsets.UTF_8).length : value.n() != null ? value.n().length() : 0);
        }
        return bytes;
    }

    /** Runs the update, which writes the contact at {@code version}, and marks it stored; false if its condition failed. */
    private boolean write(Contact contact, long version, Update update) {
        try {
            dynamo.updateItem(b -> b.tableName(update.tableName()).key(update.key())
                    .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        contact.stored(version);
        return true;
    }

    /**
     * The update that writes the contact at {@code version}, with {@code events} added to its pending ones, if
     * {@code condition} holds. An update, not a put, so that the events already pending stay.
     */
    private Update update(Contact contact, long version, String condition, Map<String, String> conditionNames,
                          Map<String, AttributeValue> conditionValues, List<ContactEvent> events) {
        var item = itemOf(contact);
        var names = new HashMap<>(conditionNames);
        var values = new HashMap<>(conditionValues);
        names.putAll(Map.of("#v", VERSION, "#doc", DOCUMENT, "#e", EMAIL));
        values.putAll(Map.of(":v", fromN(String.valueOf(version)), ":doc", item.get(DOCUMENT)));
        var set = new ArrayList<>(List.of("#v = :v", "#doc = :doc"));
        if (item.containsKey(EMAIL)) {
            set.add("#e = :e");
            values.put(":e", item.get(EMAIL));
        }
        String add = "";
        if (!events.isEmpty()) {
            names.putAll(Map.of("#p", PENDING, "#ps", PENDING_SHARD, "#pt", PENDING_SINCE));
            set.addAll(List.of("#ps = :ps", "#pt = :pt"));
            values.put(":ps", fromS(pendingShard(contact.id())));
            values.put(":pt", fromS(PENDING_SINCE_FORMAT.format(events.stream().map(ContactEvent::savedAt)
                    .max(Comparator.naturalOrder()).orElseThrow())));
            values.put(":p", AttributeValue.fromSs(events.stream().map(DynamoContactStore::asStored).toList()));
            add = " ADD #p :p";
        }
        String update = "SET " + String.join(", ", set) + (item.containsKey(EMAIL) ? "" : " REMOVE #e") + add;
        return Update.builder().tableName(table).key(key(contact.id())).updateExpression(update)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build();
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

    private static String pendingShard(String contactId) {
        return String.valueOf(Math.floorMod(contactId.hashCode(), PENDING_SHARDS));
    }

    /** The stored form of a pending event: the same event is always the same string, as set elements must be. */
    private static String asStored(ContactEvent event) {
        try {
            return JSON.writeValueAsString(new StoredEvent(event.id(), event.savedAt().toString(),
                    event.properties().stream().sorted().toList(),
                    event.activity() == null ? null : Document.Event.of(event.activity())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pending events of an item (of its attributes read), oldest first. */
    static List<ContactEvent> eventsOf(Map<String, AttributeValue> item) {
        AttributeValue pending = item == null ? null : item.get(PENDING);
        if (pending == null) {
            return List.of();
        }
        return pending.ss().stream().map(json -> {
            try {
                StoredEvent event = JSON.readValue(json, StoredEvent.class);
                return new ContactEvent(event.id(), Instant.parse(event.at()), Set.copyOf(event.p()),
                        event.a() == null ? null : event.a().toActivity());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sorted(Comparator.comparing(ContactEvent::savedAt).thenComparing(ContactEvent::id)).toList();
    }

    /** The stored form of a pending event, with short field names; {@code a}, its activity, is absent from others. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredEvent(String id, String at, List<String> p, Document.Event a) {
    }

    /** The contact's stored document, as the recycle bin keeps it too. */
    static SdkBytes document(Contact contact) {
        return gzip(Document.of(contact));
    }

    /** The contact of a stored document, not yet at any version. */
    static Contact contactOf(String contactId, SdkBytes document) {
        try (var in = new GZIPInputStream(document.asInputStream())) {
            return JSON.readValue(in, Document.class).toContact(contactId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        Contact contact = contactOf(contactId, item.get(DOCUMENT).b());
        AttributeValue version = item.get(VERSION);
        contact.stored(version == null ? 0 : Long.parseLong(version.n()));
        return contact;
    }

    /** The stored form of a contact, with short field names; times are ISO-8601 instants. */
    record Document(Map<String, List<Version>> p, List<String> l, List<Event> e, Map<String, SubscriptionState> s) {

        record Version(String v, String t) {
        }

        record Event(String t, String at, Map<String, String> p) {

            static Event of(ActivityEvent event) {
                return new Event(event.eventTypeId(), event.occurredAt().toString(), new TreeMap<>(event.properties()));
            }

            ActivityEvent toActivity() {
                return new ActivityEvent(t, Instant.parse(at), p);
            }
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
                    .map(Event::of)
                    .toList();
            return new Document(properties, List.copyOf(contact.staticListIds()), events, contact.subscriptions());
        }

        Contact toContact(String contactId) {
            var contact = new Contact(contactId);
            p.forEach((name, versions) -> versions.forEach(v -> contact.setProperty(name, v.v(), Instant.parse(v.t()))));
            l.forEach(contact::addToList);
            e.forEach(event -> contact.record(event.toActivity()));
            s.forEach(contact::subscribe);
            contact.takeChanges();
            return contact;
        }

        private static <T> List<T> latest(List<T> all, int bound) {
            return all.subList(Math.max(0, all.size() - bound), all.size());
        }
    }
}
