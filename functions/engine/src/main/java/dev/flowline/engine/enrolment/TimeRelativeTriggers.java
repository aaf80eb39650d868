package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.ListBasedCriteria;

import java.time.Instant;

/**
 * Filter triggers whose answer moves with the clock ("renewal date is in less than 30 days", "created more than 7
 * days ago"): no contact change fires them when time alone makes a contact meet them, so a sweep asks again. A
 * sweep covers the time from the previous sweep ({@code since}) to its own ({@code until}): a contact that did not
 * meet the flow's filter triggers at {@code since}, met them at {@code until} and still meets them now started to
 * meet them as time passed, and is enrolled as by a trigger, through the enroller's guards. A contact that met them
 * at both times was enrolled then, or could not be. Sweeps that cover one span each enrol each contact once,
 * however late they run.
 */
public final class TimeRelativeTriggers {

    private final EngineContext engine;
    private final Enroller enroller;

    public TimeRelativeTriggers(EngineContext engine, Enroller enroller) {
        this.engine = engine;
        this.enroller = enroller;
    }

    /** Whether the flow's filter triggers read times relative to now: only then does it need a sweep. */
    public static boolean reads(Flow flow) {
        return flow.enrollmentSchedule() == null && flow.enrollmentCriteria() instanceof ListBasedCriteria
                && TriggerIndex.readsTimeRelativeToNow(flow);
    }

    /** Enrols the contact if time made it meet the flow's triggers between {@code since} and {@code until}. */
    public void enrolIfNewlyMatching(Flow flow, Contact contact, Instant since, Instant until) {
        if (!matchesAt(flow, contact, since) && matchesAt(flow, contact, until)
                && new TriggerMatch(engine).matches(flow, contact)) {
            enroller.enrol(flow, contact, EnrolmentSource.TRIGGER);
        }
    }

    private boolean matchesAt(Flow flow, Contact contact, Instant instant) {
        return new TriggerMatch(engine.at(instant)).matches(flow, contact);
    }
}
