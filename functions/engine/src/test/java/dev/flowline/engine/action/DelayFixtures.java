package dev.flowline.engine.action;

import dev.flowline.engine.simulation.Outbox;
import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.criteria.EvaluationContext;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSource;

import java.time.Clock;
import java.time.Instant;

import static dev.flowline.engine.timing.TestFlows.PARIS;

/** Runs action "1" of a flow as the step runner would, in Paris time. */
final class DelayFixtures {

    private DelayFixtures() {
    }

    static StepResult run(Flow flow, Contact contact, Instant enrolledAt, Instant now) {
        var action = (SingleConnectionAction) flow.action("1").orElseThrow();
        var enrolment = Enrolment.start(flow.id(), contact.id(), 1, EnrolmentSource.MANUAL, "1", enrolledAt);
        var context = new ActionContext(flow, enrolment, contact, now, PARIS,
                EvaluationContext.of(Clock.fixed(now, PARIS)), enrolment.nextStep().idempotencyKey());
        return ActionTesting.executor(new Outbox()).execute(action, context);
    }

    static StepResult run(Flow flow, Contact contact, Instant now) {
        return run(flow, contact, now, now);
    }

    static StepResult.Next next(StepResult result) {
        return (StepResult.Next) result;
    }
}
