package dev.flowline.engine.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A contact: properties with their timestamped history, static-list memberships, activity events and
 * communication subscriptions. Identified by {@code id}, and by the {@code email} property. It knows the stored
 * version it was read at and the edits made to it since, so that a store saves those edits onto the contact as it
 * is stored now rather than overwrite another writer's (see {@link ContactStore#save}).
 */
public final class Contact implements PropertySource {

    public static final String EMAIL = "email";

    private final String id;
    /*
     * A copy shares these collections with its original until either changes one: that change copies only that
     * collection (copy on write), so that copying a contact, which stores and change handling do often, is cheap,
     * and so is the one change most copies get.
     */
    private boolean sharedProperties;
    private boolean sharedLists;
    private boolean sharedEvents;
    private boolean sharedSubscriptions;
    /** Each property's versions, oldest first; a list is replaced, never changed, so a copy of the map may share it. */
    private Map<String, List<PropertyValue>> properties;
    private Set<String> staticListIds;
    private List<ActivityEvent> events;
    private Map<String, SubscriptionState> subscriptions;
    /**
     * The same events by type, oldest first, so that a filter on one type reads only those: made when first
     * asked for, and dropped when an event is recorded.
     */
    private Map<String, List<ActivityEvent>> eventsByType;
    /** Changes and edits are empty and immutable until the first change: most copies are only read. */
    private Set<String> changes = Set.of();
    private boolean membershipChanged;
    private List<Consumer<Contact>> edits = List.of();
    private long version;

    public Contact(String id) {
        this(id, new HashMap<>(), new LinkedHashSet<>(), new ArrayList<>(), new HashMap<>());
    }

    private Contact(String id, Map<String, List<PropertyValue>> properties, Set<String> staticListIds,
                    List<ActivityEvent> events, Map<String, SubscriptionState> subscriptions) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a contact needs an id");
        }
        this.id = id;
        this.properties = properties;
        this.staticListIds = staticListIds;
        this.events = events;
        this.subscriptions = subscriptions;
    }

    public String id() {
        return id;
    }

    public Optional<String> email() {
        return value(EMAIL);
    }

    @Override
    public Optional<String> value(String property) {
        List<PropertyValue> versions = properties.get(property);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        PropertyValue last = versions.getLast();
        return last.isSet() ? Optional.of(last.value()) : Optional.empty();
    }

    @Override
    public List<PropertyValue> history(String property) {
        return Collections.unmodifiableList(properties.getOrDefault(property, List.of()));
    }

    /** When the property last changed, if it ever had a value. */
    public Optional<Instant> updatedAt(String property) {
        List<PropertyValue> versions = properties.get(property);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast().timestamp());
    }

    public Set<String> propertyNames() {
        return Collections.unmodifiableSet(properties.keySet());
    }

    /**
     * Sets (or, with null or "", clears) a property at {@code at}. Returns whether the value changed; an
     * unchanged value adds no version, as in HubSpot.
     */
    public boolean setProperty(String property, String value, Instant at) {
        String normalised = value == null || value.isEmpty() ? null : value;
        List<PropertyValue> versions = properties.getOrDefault(property, List.of());
        String current = versions.isEmpty() ? null : versions.getLast().value();
        if (!versions.isEmpty() && Objects.equals(current, normalised)) {
            return false;
        }
        if (normalised == null && versions.isEmpty()) {
            return false;
        }
        var longer = new ArrayList<PropertyValue>(versions.size() + 1);
        longer.addAll(versions);
        longer.add(new PropertyValue(normalised, at));
        ownProperties();
        properties.put(property, longer);
        if (changes.isEmpty()) {
            changes = new LinkedHashSet<>();
        }
        changes.add(property);
        edited(contact -> contact.setProperty(property, normalised, at));
        return true;
    }

    /** The properties changed since the last call, so that a store saves and announces only those. */
    public Set<String> takeChanges() {
        if (changes.isEmpty()) {
            return Set.of();
        }
        var taken = Set.copyOf(changes);
        changes = Set.of();
        return taken;
    }

    /** The stored version this contact was read at; 0 for one stored before contacts had versions, or never. */
    public long version() {
        return version;
    }

    /** Marks this contact as the stored one at {@code version}: it has no edits left to save. */
    public void stored(long version) {
        this.version = version;
        edits = List.of();
    }

    /** Makes this contact's edits since it was read again on {@code current}, a fresher read of the same contact. */
    public void replayEdits(Contact current) {
        edits.forEach(edit -> edit.accept(current));
    }

    /** A copy of this contact at the same version, changes and edits not carried over. */
    public Contact copy() {
        var copy = new Contact(id, properties, staticListIds, events, subscriptions);
        copy.version = version;
        sharedProperties = sharedLists = sharedEvents = sharedSubscriptions = true;
        copy.sharedProperties = copy.sharedLists = copy.sharedEvents = copy.sharedSubscriptions = true;
        return copy;
    }

    // Before a change of one collection: copies it if this contact may share it with a copy of it, or it with this.

    private void ownProperties() {
        if (sharedProperties) {
            properties = new HashMap<>(properties);
            sharedProperties = false;
        }
    }

    private void ownLists() {
        if (sharedLists) {
            staticListIds = new LinkedHashSet<>(staticListIds);
            sharedLists = false;
        }
    }

    private void ownEvents() {
        if (sharedEvents) {
            events = new ArrayList<>(events);
            sharedEvents = false;
        }
    }

    private void ownSubscriptions() {
        if (sharedSubscriptions) {
            subscriptions = new HashMap<>(subscriptions);
            sharedSubscriptions = false;
        }
    }

    /** This contact as it was before the latest change of each of {@code changedProperties}. */
    public Contact before(Set<String> changedProperties) {
        var before = copy();
        before.ownProperties();
        for (String property : changedProperties) {
            List<PropertyValue> versions = before.properties.get(property);
            if (versions != null && !versions.isEmpty()) {
                before.properties.put(property, versions.subList(0, versions.size() - 1));
            }
        }
        return before;
    }

    public Set<String> staticListIds() {
        return Collections.unmodifiableSet(staticListIds);
    }

    public boolean inStaticList(String listId) {
        return staticListIds.contains(listId);
    }

    public boolean addToList(String listId) {
        if (staticListIds.contains(listId)) {
            return false;
        }
        ownLists();
        return noteMembership(staticListIds.add(listId), contact -> contact.addToList(listId));
    }

    public boolean removeFromList(String listId) {
        if (!staticListIds.contains(listId)) {
            return false;
        }
        ownLists();
        return noteMembership(staticListIds.remove(listId), contact -> contact.removeFromList(listId));
    }

    /** Activity events, oldest first. */
    public List<ActivityEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** Activity events of one type, oldest first. */
    public List<ActivityEvent> events(String eventTypeId) {
        if (eventsByType == null) {
            eventsByType = new HashMap<>();
            for (ActivityEvent event : events) {
                eventsByType.computeIfAbsent(event.eventTypeId(), type -> new ArrayList<>()).add(event);
            }
        }
        List<ActivityEvent> ofType = eventsByType.get(eventTypeId);
        return ofType == null ? List.of() : Collections.unmodifiableList(ofType);
    }

    /** Records an event after those that did not happen later, so that events of one instant keep their order. */
    public void record(ActivityEvent event) {
        ownEvents();
        int at = events.size();
        while (at > 0 && events.get(at - 1).occurredAt().isAfter(event.occurredAt())) {
            at--;
        }
        events.add(at, event);
        eventsByType = null;
        edited(contact -> contact.record(event));
    }

    public Map<String, SubscriptionState> subscriptions() {
        return Collections.unmodifiableMap(subscriptions);
    }

    public void subscribe(String subscriptionId, SubscriptionState state) {
        ownSubscriptions();
        noteMembership(subscriptions.put(subscriptionId, state) != state,
                contact -> contact.subscribe(subscriptionId, state));
    }

    /** Whether lists or subscriptions changed since the last call, so that a store saves them. */
    public boolean takeMembershipChanges() {
        boolean changed = membershipChanged;
        membershipChanged = false;
        return changed;
    }

    private boolean noteMembership(boolean changed, Consumer<Contact> edit) {
        if (changed) {
            membershipChanged = true;
            edited(edit);
        }
        return changed;
    }

    private void edited(Consumer<Contact> edit) {
        if (edits.isEmpty()) {
            edits = new ArrayList<>();
        }
        edits.add(edit);
    }
}
