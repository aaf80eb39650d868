package dev.flowline.engine.enrolment;

import java.util.Optional;

/** The answer to "enrol this contact": the new enrolment, or the plain reason it was not enrolled. */
public record EnrolmentDecision(Optional<Enrolment> enrolment, String reason) {

    static EnrolmentDecision enrolled(Enrolment enrolment) {
        return new EnrolmentDecision(Optional.of(enrolment), "enrolled");
    }

    static EnrolmentDecision refused(String reason) {
        return new EnrolmentDecision(Optional.empty(), reason);
    }

    public boolean isEnrolled() {
        return enrolment.isPresent();
    }
}
