package dev.flowline.engine.enrolment;

/** "Run the step of this enrolment whose sequence is this": the unit of work on the step queue. */
public record StepMessage(String enrolmentId, long sequence) {

    /** The key that makes a step's side effects happen once, however often the message comes. */
    public String idempotencyKey() {
        return enrolmentId + "#" + sequence;
    }
}
