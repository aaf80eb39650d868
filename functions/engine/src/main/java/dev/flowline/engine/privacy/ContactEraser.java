package dev.flowline.engine.privacy;

import dev.flowline.engine.EnginePorts;
import dev.flowline.engine.crm.ObjectRef;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.UnenrolmentReason;
import dev.flowline.engine.enrolment.Unenroller;
import dev.flowline.engine.journey.Journey;

/**
 * A privacy deletion: removes everything stored about a contact. Its active enrolments are first unenrolled
 * (reason CONTACT_DELETED), so the flows' counters stay right; the counters are aggregates and stay. Then go its
 * enrolments and their holds, the idempotency claims of their steps (their keys hold the enrolment id, and so the
 * contact id), its journey enrolments (journey figures, counted from them, no longer count it), its history, its
 * memberships of MANUAL and SNAPSHOT lists, its associations with CRM records (the records stay, as in HubSpot),
 * and last the contact itself (properties, their history of values, events, subscriptions), and its copy in the
 * recycle bin if it was deleted restorably. A step or wake-up still on its way finds no enrolment and does nothing;
 * an event still on its way finds no contact and does nothing.
 */
public final class ContactEraser {

    private final EnginePorts ports;
    private final Unenroller unenroller;

    public ContactEraser(EnginePorts ports, Unenroller unenroller) {
        this.ports = ports;
        this.unenroller = unenroller;
    }

    public void erase(String contactId) {
        ports.enrolments().activeOfContact(contactId)
                .forEach(active -> unenroller.unenrol(active, UnenrolmentReason.CONTACT_DELETED));
        for (Enrolment enrolment : ports.enrolments().allOfContact(contactId)) {
            ports.idempotency().forgetSteps(enrolment.enrolmentId(), enrolment.sequence());
            ports.enrolments().delete(enrolment);
        }
        for (Journey journey : ports.journeys().all()) {
            ports.journeyEnrolments().delete(journey.id(), contactId);
        }
        ports.history().deleteOfContact(contactId);
        ports.lists().removeFromAllLists(contactId);
        ports.crmObjects().removeAllAssociations(ObjectRef.contact(contactId));
        ports.contacts().delete(contactId);
        ports.recycleBin().remove(contactId);
    }
}
