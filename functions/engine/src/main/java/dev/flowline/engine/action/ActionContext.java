package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.EvaluationContext;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Everything one action sees: the flow, the enrolment, the contact (which it may change), the time, and the
 * step's idempotency key, which every side effect carries so that a redelivered step does not repeat it.
 */
public record ActionContext(Flow flow, Enrolment enrolment, Contact contact, Instant now, ZoneId timeZone,
                            EvaluationContext evaluation, String idempotencyKey) {
}
