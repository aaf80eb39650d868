package dev.flowline.functions.api;

import dev.flowline.aws.AwsEngine;
import dev.flowline.aws.dynamodb.DynamoContactStore.ContactPage;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;

import java.util.ArrayList;
import java.util.List;

/**
 * The contacts that would enrol if the flow were turned on now with "enrol the contacts that already match":
 * those meeting its triggers, not enrolled in it before. One request reads at most {@link #SCAN_BUDGET}
 * contacts, so a page may hold fewer than {@code limit} ids and still have a next page; a client follows
 * {@code next} until there is none.
 */
final class FlowPreview {

    static final int SCAN_BUDGET = 1000;

    /** The ids of one page, and the contact id to go on after (null when the whole table has been read). */
    record Page(List<String> contactIds, String next) {
    }

    private final AwsEngine engine;
    private final TriggerMatch triggers;

    FlowPreview(AwsEngine engine) {
        this.engine = engine;
        this.triggers = new TriggerMatch(engine.context());
    }

    Page page(Flow flow, String after, int limit) {
        var ids = new ArrayList<String>();
        int read = 0;
        String cursor = after;
        while (read < SCAN_BUDGET) {
            ContactPage contacts = engine.contacts().scan(0, 1, cursor, Math.min(limit, SCAN_BUDGET - read));
            for (Contact contact : contacts.contacts()) {
                cursor = contact.id();
                if (wouldEnrol(flow, contact)) {
                    ids.add(contact.id());
                    if (ids.size() == limit) {
                        return new Page(ids, cursor);
                    }
                }
            }
            read += contacts.contacts().size();
            if (contacts.next() == null) {
                return new Page(ids, null);
            }
            cursor = contacts.next();
        }
        return new Page(ids, cursor);
    }

    private boolean wouldEnrol(Flow flow, Contact contact) {
        return triggers.matches(flow, contact) && engine.enrolments().ofContact(flow.id(), contact.id()).isEmpty();
    }
}
