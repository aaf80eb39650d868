package dev.flowline.engine.journey;

import java.util.List;

/**
 * When a journey lets contacts go before they reach an exit.
 *
 * @param suppressionListIds        contacts that are in or join one of these lists are unenrolled
 * @param removedFromEnrollmentLists contacts that leave all the enrolment lists are unenrolled
 * @param endMatchedEarly           contacts whose property takes an exit's value while their stage's flow is still
 *                                  running are unenrolled, and the exit's final actions are skipped
 */
public record JourneyUnenrollment(List<String> suppressionListIds, Boolean removedFromEnrollmentLists,
                                  Boolean endMatchedEarly) {

    static final JourneyUnenrollment NONE = new JourneyUnenrollment(List.of(), false, false);

    public List<String> suppressionLists() {
        return suppressionListIds == null ? List.of() : suppressionListIds;
    }

    public boolean whenRemovedFromLists() {
        return Boolean.TRUE.equals(removedFromEnrollmentLists);
    }

    public boolean whenEndMatchedEarly() {
        return Boolean.TRUE.equals(endMatchedEarly);
    }
}
