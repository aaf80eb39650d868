package dev.flowline.functions.api;

import dev.flowline.engine.Engine;
import dev.flowline.engine.Page;
import dev.flowline.engine.activation.Activation;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.ContactStore;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.list.ContactList;
import dev.flowline.engine.list.ListMemberships;
import dev.flowline.engine.list.ListStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The contacts that would enrol if the flow were turned on now with "enrol the contacts that already match":
 * those meeting its triggers, not enrolled in it before ({@link Activation#wouldEnrol}). One page reads at most
 * {@link #SCAN_BUDGET} contacts, so it may hold fewer than {@code limit} ids and still have a next page; a client
 * follows {@code next} until there is none. Saving them as a static list reads all the contacts in one request.
 */
final class FlowPreview {

    static final int SCAN_BUDGET = 1000;
    private static final int SAVE_PAGE = 100;

    private final Clock clock;
    private final ContactStore contacts;
    private final ListStore lists;
    private final ListMemberships memberships;
    private final Activation activation;

    FlowPreview(Engine engine) {
        this.clock = engine.ports().clock();
        this.contacts = engine.ports().contacts();
        this.lists = engine.ports().lists();
        this.memberships = engine.listMemberships();
        this.activation = engine.activation();
    }

    /** One page of the ids of the contacts that would enrol, after the contact {@code after}. */
    Page<String> page(Flow flow, String after, int limit) {
        var matching = new ArrayList<Contact>();
        Optional<String> next = read(flow, after, limit, matching);
        return new Page<>(matching.stream().map(Contact::id).toList(), next);
    }

    /**
     * Saves the contacts that would enrol now as a new MANUAL list, each contact's membership recorded and
     * published as a list-membership activity, as adding them through the lists API does. Returns the list and
     * how many contacts it holds.
     */
    Saved saveAsList(Flow flow, String name) {
        Instant now = clock.instant();
        ContactList list;
        do {
            list = new ContactList(String.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L)), name,
                    ListDefinition.MANUAL, null, now, now);
        } while (!lists.create(list));
        int size = 0;
        Optional<String> after = Optional.empty();
        do {
            var matching = new ArrayList<Contact>();
            after = read(flow, after.orElse(null), SAVE_PAGE, matching);
            size += memberships.add(list, matching).size();
        } while (after.isPresent());
        return new Saved(list, size);
    }

    record Saved(ContactList list, int size) {
    }

    /** Adds matching contacts to {@code matching}, at most {@code limit}; returns where to go on, if anywhere. */
    private Optional<String> read(Flow flow, String after, int limit, List<Contact> matching) {
        int read = 0;
        String cursor = after;
        while (read < SCAN_BUDGET) {
            Page<Contact> page = contacts.page(cursor, Math.min(limit, SCAN_BUDGET - read));
            for (Contact contact : page.items()) {
                cursor = contact.id();
                if (activation.wouldEnrol(flow, contact)) {
                    matching.add(contact);
                    if (matching.size() == limit) {
                        return Optional.of(cursor);
                    }
                }
            }
            read += page.items().size();
            if (page.next().isEmpty()) {
                return Optional.empty();
            }
            cursor = page.next().get();
        }
        return Optional.of(cursor);
    }
}
