package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.ActivityEvent;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.contact.StandardEvents;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.UnEnrollmentSetting;
import dev.flowline.engine.history.HistoryEntry;
import dev.flowline.engine.history.HistoryKind;
import dev.flowline.engine.history.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enrols contacts, applying the guards in this order: flow turned on, not already active, re-enrolment
 * allowed, not in a suppression list, goal not already met. Then the unenrolment setting removes the contact
 * from the other flows it names. A later try that finds the contact enrolled but not started queues the first step
 * again, since the try that enrolled it may have failed before queueing it.
 */
public final class Enroller {

    private final EngineContext engine;
    private final Guards guards;
    private final Unenroller unenroller;

    public Enroller(EngineContext engine, Unenroller unenroller) {
        this.engine = engine;
        this.guards = new Guards(engine);
        this.unenroller = unenroller;
    }

    public EnrolmentDecision enrol(Flow flow, Contact contact, EnrolmentSource source) {
        return enrol(flow, contact, source, engine.enrolments().ofContact(flow.id(), contact.id()));
    }

    /**
     * Enrols with the contact's enrolments in the flow just read by the caller: the creation is conditional, so
     * one that another enrolment overtook since is refused all the same.
     */
    public EnrolmentDecision enrol(Flow flow, Contact contact, EnrolmentSource source, List<Enrolment> previous) {
        var now = engine.clock().instant();
        String refusal = refusal(flow, contact, previous);
        queueUnstarted(previous);
        if (refusal != null) {
            engine.history().append(new HistoryEntry(null, flow.id(), contact.id(), now, HistoryKind.NOT_ENROLLED,
                    null, refusal));
            return EnrolmentDecision.refused(refusal);
        }
        var enrolment = Enrolment.start(flow.id(), contact.id(), previous.size() + 1, source, flow.startActionId(), now);
        if (!engine.enrolments().create(enrolment)) {
            return EnrolmentDecision.refused("the contact is already enrolled in this workflow");
        }
        engine.history().append(new HistoryEntry(enrolment.enrolmentId(), flow.id(), contact.id(), now,
                HistoryKind.ENROLLED, null, "enrolled: " + describe(source)));
        engine.metrics().increment(flow.id(), Metric.ENROLLED);
        engine.events().activity(contact.id(), new ActivityEvent(StandardEvents.WORKFLOW_ENROLLED, now,
                Map.of(StandardEvents.FLOW_ID, flow.id())));
        unenrolFromOthers(flow, contact);
        engine.steps().schedule(enrolment.nextStep(), null);
        return EnrolmentDecision.enrolled(enrolment);
    }

    /**
     * Enrols contacts never enrolled in the flow, as {@link #enrol} would one by one, with each write made for all
     * of them together: the creations (each conditional, so one that another enrolment overtook is left out), the
     * history, the counter, the events and the first steps. Returns the enrolments created.
     */
    public List<Enrolment> enrolNew(Flow flow, List<Contact> contacts, EnrolmentSource source) {
        var now = engine.clock().instant();
        var entries = new ArrayList<HistoryEntry>();
        var candidates = new ArrayList<Enrolment>();
        var byId = new HashMap<String, Contact>();
        for (Contact contact : contacts) {
            String refusal = refusal(flow, contact, List.of());
            if (refusal != null) {
                entries.add(new HistoryEntry(null, flow.id(), contact.id(), now, HistoryKind.NOT_ENROLLED, null, refusal));
            } else {
                candidates.add(Enrolment.start(flow.id(), contact.id(), 1, source, flow.startActionId(), now));
                byId.put(contact.id(), contact);
            }
        }
        List<Enrolment> created = candidates.isEmpty() ? List.of() : engine.enrolments().createAll(candidates);
        created.forEach(enrolment -> entries.add(new HistoryEntry(enrolment.enrolmentId(), flow.id(),
                enrolment.contactId(), now, HistoryKind.ENROLLED, null, "enrolled: " + describe(source))));
        engine.history().appendAll(entries);
        if (created.isEmpty()) {
            return created;
        }
        engine.metrics().increment(flow.id(), Metric.ENROLLED, created.size());
        List<Contact> enrolled = created.stream().map(enrolment -> byId.get(enrolment.contactId())).toList();
        engine.events().activities(enrolled, new ActivityEvent(StandardEvents.WORKFLOW_ENROLLED, now,
                Map.of(StandardEvents.FLOW_ID, flow.id())));
        enrolled.forEach(contact -> unenrolFromOthers(flow, contact));
        engine.steps().scheduleNow(created.stream().map(Enrolment::nextStep).toList());
        return created;
    }

    /**
     * Queues the first step of an active enrolment that has not run it: the try that enrolled the contact may have
     * failed before queueing it. A copy of a step already queued changes nothing.
     */
    public void queueUnstarted(List<Enrolment> enrolments) {
        enrolments.stream().filter(Enrolment::isActive).filter(enrolment -> enrolment.sequence() == 0)
                .forEach(unstarted -> engine.steps().schedule(unstarted.nextStep(), null));
    }

    private String refusal(Flow flow, Contact contact, List<Enrolment> previous) {
        if (!flow.enabled()) {
            return "the workflow is turned off";
        }
        if (previous.stream().anyMatch(Enrolment::isActive)) {
            return "the contact is already enrolled in this workflow";
        }
        if (!previous.isEmpty() && (flow.enrollmentCriteria() == null || !flow.enrollmentCriteria().reEnrolls())) {
            return "the contact was enrolled before and re-enrolment is off";
        }
        if (guards.inSuppressionList(flow, contact)) {
            return "found in a suppression list";
        }
        if (guards.meetsGoal(flow, contact)) {
            return "the contact already meets the workflow's goal";
        }
        return null;
    }

    private static String describe(EnrolmentSource source) {
        return switch (source) {
            case TRIGGER -> "met the enrolment triggers";
            case RE_ENROLMENT -> "met a re-enrolment trigger and the enrolment triggers";
            case MANUAL -> "enrolled by hand";
            case SCHEDULE -> "enrolled on the workflow's schedule";
            case EXISTING_CONTACTS -> "met the triggers when the workflow was turned on";
        };
    }

    private void unenrolFromOthers(Flow flow, Contact contact) {
        UnEnrollmentSetting setting = flow.unEnrollmentSetting();
        if (setting == null || setting.type() == null) {
            return;
        }
        boolean all = "ALL".equals(setting.type());
        List<String> selected = setting.flowIds() == null ? List.of() : setting.flowIds();
        for (Enrolment other : engine.enrolments().activeOfContact(contact.id())) {
            if (!other.flowId().equals(flow.id()) && (all || selected.contains(other.flowId()))) {
                unenroller.unenrol(other, UnenrolmentReason.ENROLLED_IN_OTHER_WORKFLOW);
            }
        }
    }
}
