package dev.flowline.aws.sqs;

import dev.flowline.engine.enrolment.StepMessage;

import java.time.Instant;

/** A step and when it is due; {@code dueAt} null means now. */
public record DueStep(StepMessage step, Instant dueAt) {
}
