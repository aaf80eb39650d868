package dev.flowline.engine.simulation;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.ListDefinition;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentDecision;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.list.ContactList;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulation written as a timeline: flows, contacts created at the start, then changes at offsets from
 * the start ({@link #T0}), run on the simulator's virtual clock.
 */
public final class Scenario {

    /** A Monday morning, UTC. */
    public static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private final Simulator simulator = new Simulator(T0, ZoneOffset.UTC);

    public Scenario() {
        simulator.outbox().directory().withOwners(TestFlow.INTERNAL_EMAIL_USER);
    }

    public Scenario flow(TestFlow flow) {
        return flow(flow.build());
    }

    public Scenario flow(Flow flow) {
        simulator.addFlow(flow);
        return this;
    }

    /** Creates a contact now, with an email address and the given property/value pairs. */
    public Scenario contact(String id, String... propertyValuePairs) {
        return contactInLists(id, List.of(), propertyValuePairs);
    }

    /** Creates a contact now, already a member of the static lists. */
    public Scenario contactInLists(String id, List<String> listIds, String... propertyValuePairs) {
        Contact contact = new Contact(id);
        Instant now = simulator.clock().instant();
        contact.setProperty(Contact.EMAIL, id + "@example.com", now);
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            contact.setProperty(propertyValuePairs[i], propertyValuePairs[i + 1], now);
        }
        listIds.forEach(contact::addToList);
        simulator.addContact(contact);
        return this;
    }

    public Scenario set(Duration after, String contactId, String property, String value) {
        Instant at = T0.plus(after);
        simulator.at(at, contactId, contact -> contact.setProperty(property, value, at));
        return this;
    }

    /** Creates a MANUAL list, which list actions can add contacts to. */
    public Scenario staticList(String listId) {
        simulator.lists().create(new ContactList(listId, "List " + listId, ListDefinition.MANUAL, null, T0, T0));
        return this;
    }

    public Scenario join(Duration after, String contactId, String listId) {
        simulator.at(T0.plus(after), contactId, contact -> contact.addToList(listId));
        return this;
    }

    public Scenario leave(Duration after, String contactId, String listId) {
        simulator.at(T0.plus(after), contactId, contact -> contact.removeFromList(listId));
        return this;
    }

    /** An activity event, with property/value pairs. */
    public Scenario event(Duration after, String contactId, String eventTypeId, String... propertyValuePairs) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            properties.put(propertyValuePairs[i], propertyValuePairs[i + 1]);
        }
        simulator.at(T0.plus(after), contactId, contact -> { },
                new ActivityEvent(eventTypeId, T0.plus(after), properties));
        return this;
    }

    public Scenario delete(Duration after, String contactId) {
        simulator.deleteAt(T0.plus(after), contactId);
        return this;
    }

    /** Enrols a contact by hand at the current simulated time. */
    public EnrolmentDecision enrolByHand(String flowId, String contactId) {
        return simulator.enrol(flowId, contactId);
    }

    public SimulationReport runUntil(Duration after) {
        return simulator.runUntil(T0.plus(after));
    }

    public Simulator simulator() {
        return simulator;
    }

    // --- reading a report ---

    /** The contact's enrolments in a flow, oldest first. */
    public static List<Enrolment> enrolments(SimulationReport report, String flowId, String contactId) {
        return report.enrolments(flowId).stream().filter(e -> e.contactId().equals(contactId)).toList();
    }

    public static Enrolment onlyEnrolment(SimulationReport report, String flowId, String contactId) {
        List<Enrolment> all = enrolments(report, flowId, contactId);
        if (all.size() != 1) {
            throw new AssertionError("expected one enrolment of " + contactId + " in " + flowId + ", found " + all);
        }
        return all.getFirst();
    }

    /** The contact's history lines in a flow, of one kind. */
    public static List<HistoryEntry> history(SimulationReport report, String flowId, String contactId, HistoryKind kind) {
        return report.history().ofContact(contactId).stream()
                .filter(e -> e.flowId().equals(flowId) && e.kind() == kind).toList();
    }

    public static Duration days(long days) {
        return Duration.ofDays(days);
    }

    public static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
