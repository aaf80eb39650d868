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

/**
 * A contact: properties with their timestamped history, static-list memberships, activity events and
 * communication subscriptions. Identified by {@code id}, and by the {@code email} property.
 */
public final class Contact implements PropertySource {

    public static final String EMAIL = "email";

    private final String id;
    private final Map<String, List<PropertyValue>> properties = new HashMap<>();
    private final Set<String> staticListIds = new LinkedHashSet<>();
    private final List<ActivityEvent> events = new ArrayList<>();
    private final Map<String, SubscriptionState> subscriptions = new HashMap<>();
    private final Set<String> changes = new LinkedHashSet<>();
    private boolean membershipChanged;

    public Contact(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a contact needs an id");
        }
        this.id = id;
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
        List<PropertyValue> versions = properties.computeIfAbsent(property, p -> new ArrayList<>());
        String current = versions.isEmpty() ? null : versions.getLast().value();
        if (!versions.isEmpty() && Objects.equals(current, normalised)) {
            return false;
        }
        if (normalised == null && versions.isEmpty()) {
            return false;
        }
        versions.add(new PropertyValue(normalised, at));
        changes.add(property);
        return true;
    }

    /** The properties changed since the last call, so that a store saves and announces only those. */
    public Set<String> takeChanges() {
        var taken = Set.copyOf(changes);
        changes.clear();
        return taken;
    }

    /** A copy of this contact, changes not carried over. */
    public Contact copy() {
        var copy = new Contact(id);
        properties.forEach((name, versions) -> copy.properties.put(name, new ArrayList<>(versions)));
        copy.staticListIds.addAll(staticListIds);
        copy.events.addAll(events);
        copy.subscriptions.putAll(subscriptions);
        return copy;
    }

    /** This contact as it was before the latest change of each of {@code changedProperties}. */
    public Contact before(Set<String> changedProperties) {
        var before = copy();
        for (String property : changedProperties) {
            List<PropertyValue> versions = before.properties.get(property);
            if (versions != null && !versions.isEmpty()) {
                versions.removeLast();
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
        return noteMembership(staticListIds.add(listId));
    }

    public boolean removeFromList(String listId) {
        return noteMembership(staticListIds.remove(listId));
    }

    /** Activity events, oldest first. */
    public List<ActivityEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public void record(ActivityEvent event) {
        int at = events.size();
        while (at > 0 && events.get(at - 1).occurredAt().isAfter(event.occurredAt())) {
            at--;
        }
        events.add(at, event);
    }

    public Map<String, SubscriptionState> subscriptions() {
        return Collections.unmodifiableMap(subscriptions);
    }

    public void subscribe(String subscriptionId, SubscriptionState state) {
        noteMembership(subscriptions.put(subscriptionId, state) != state);
    }

    /** Whether lists or subscriptions changed since the last call, so that a store saves them. */
    public boolean takeMembershipChanges() {
        boolean changed = membershipChanged;
        membershipChanged = false;
        return changed;
    }

    private boolean noteMembership(boolean changed) {
        membershipChanged |= changed;
        return changed;
    }
}
