package dev.flowline.aws;

import dev.flowline.aws.dynamodb.DynamoContactStore;
import dev.flowline.aws.dynamodb.DynamoEnrolmentStore;
import dev.flowline.aws.dynamodb.DynamoHistory;
import dev.flowline.aws.dynamodb.DynamoListStore;
import dev.flowline.aws.dynamodb.EffectLedger;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.UnenrolmentReason;

/**
 * A privacy deletion: removes everything one account stores about a contact. Its active enrolments are first
 * unenrolled (reason CONTACT_DELETED), so the flows' counters stay right; the counters are aggregates and stay.
 * Then go its enrolments and their locks, the effect claims of their steps (their keys hold the enrolment id, and
 * so the contact id), its journey enrolments (journey figures, counted from them, no longer count it), its history
 * rows, its memberships of MANUAL and SNAPSHOT lists, and last its contact item
 * (properties, their history of values, events, subscriptions). A step or wake-up still on its way finds no
 * enrolment and does nothing; an event still on its way finds no contact and does nothing.
 */
public final class ContactEraser {

    private final DynamoContactStore contacts;
    private final DynamoEnrolmentStore enrolments;
    private final DynamoHistory history;
    private final DynamoListStore lists;
    private final EffectLedger effects;
    private final AwsEngine engine;

    public ContactEraser(AwsEngine engine) {
        this.engine = engine;
        this.contacts = engine.contacts();
        this.enrolments = engine.enrolments();
        this.history = engine.history();
        this.lists = engine.lists();
        this.effects = engine.effects();
    }

    public void erase(String contactId) {
        enrolments.activeOfContact(contactId)
                .forEach(active -> engine.engine().unenroller().unenrol(active, UnenrolmentReason.CONTACT_DELETED));
        for (Enrolment enrolment : enrolments.allOfContact(contactId)) {
            effects.forgetSteps(enrolment.enrolmentId(), enrolment.sequence());
            enrolments.delete(enrolment);
        }
        engine.journeyStore().all().forEach(journey -> engine.journeyEnrolments().delete(journey.id(), contactId));
        history.deleteOfContact(contactId);
        lists.removeFromAllLists(contactId);
        contacts.delete(contactId);
    }
}
