package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.EvaluationContext;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Everything one action sees: the flow, the enrolment, the contact (which it may change), the time, the
 * step's idempotency key, which every side effect carries so that a redelivered step does not repeat it, and the
 * personalisation tokens its text may hold, which the executor gives ({@link #withTokens}).
 */
public record ActionContext(Flow flow, Enrolment enrolment, Contact contact, Instant now, ZoneId timeZone,
                            EvaluationContext evaluation, String idempotencyKey, Tokens tokens) {

    /** A context whose tokens the executor fills in. */
    public ActionContext(Flow flow, Enrolment enrolment, Contact contact, Instant now, ZoneId timeZone,
                         EvaluationContext evaluation, String idempotencyKey) {
        this(flow, enrolment, contact, now, timeZone, evaluation, idempotencyKey, null);
    }

    ActionContext withTokens(Tokens with) {
        return new ActionContext(flow, enrolment, contact, now, timeZone, evaluation, idempotencyKey, with);
    }

    /**
     * {@code text} with its personalisation tokens filled for the contact.
     *
     * @throws Tokens.UnresolvedToken naming a token that cannot be filled, which fails the action
     */
    String fill(String text) {
        return tokens.fill(text, this);
    }

    /** {@code html} with its tokens filled as {@link #fill}, the values escaped for HTML. */
    String fillHtml(String html) {
        return tokens.fillHtml(html, this);
    }
}
