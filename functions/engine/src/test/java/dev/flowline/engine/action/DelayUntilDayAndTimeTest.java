package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.flowline.engine.action.DelayFixtures.next;
import static dev.flowline.engine.action.DelayFixtures.run;
import static dev.flowline.engine.timing.TestFlows.action;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.paris;
import static org.assertj.core.api.Assertions.assertThat;

/** Delay 0-1 until a day of the week and/or a time of day, in the account's time zone, strictly after now. */
class DelayUntilDayAndTimeTest {

    private static Instant until(String fields, Instant now) {
        return next(run(flow("", action("1", "0-1", fields, "2")), new Contact("c1"), now)).dueAt();
    }

    private static final String MONDAY_9 = """
            {"days_of_week":["MONDAY"],"time_of_day":{"hour":9,"minute":0}}""";

    @Test
    void aDayAndTimeStillAheadThisWeekIsWaitedFor() {
        assertThat(until(MONDAY_9, paris("2026-03-30T08:00"))).isEqualTo(paris("2026-03-30T09:00"));
    }

    @Test
    void aDayAndTimeJustPassedWaitsAWeek() {
        assertThat(until(MONDAY_9, paris("2026-03-30T10:00"))).isEqualTo(paris("2026-04-06T09:00"));
    }

    @Test
    void reachingTheExactDayAndTimeWaitsAWeek() {
        assertThat(until(MONDAY_9, paris("2026-03-30T09:00"))).isEqualTo(paris("2026-04-06T09:00"));
    }

    @Test
    void theNearestOfSeveralDaysIsTaken() {
        String tuesdayOrThursday = """
                {"days_of_week":["TUESDAY","THURSDAY"],"time_of_day":{"hour":11,"minute":30}}""";

        assertThat(until(tuesdayOrThursday, paris("2026-04-01T12:00"))).isEqualTo(paris("2026-04-02T11:30"));
    }

    @Test
    void aTimeOfDayAloneIsTheNextSuchTime() {
        String nine = """
                {"time_of_day":{"hour":9,"minute":0}}""";

        assertThat(until(nine, paris("2026-04-01T08:00"))).isEqualTo(paris("2026-04-01T09:00"));
        assertThat(until(nine, paris("2026-04-01T10:00"))).isEqualTo(paris("2026-04-02T09:00"));
    }

    @Test
    void daysAloneWaitForTheStartOfTheNextSuchDay() {
        String friday = """
                {"days_of_week":["FRIDAY"]}""";

        assertThat(until(friday, paris("2026-04-01T10:00"))).isEqualTo(paris("2026-04-03T00:00"));
    }

    @Test
    void theTimeOfDayIsWallTimeAcrossTheDaylightSavingChange() {
        // Saturday 28 March (UTC+1) to Monday 30 March 9:00 (UTC+2).
        assertThat(until(MONDAY_9, paris("2026-03-28T12:00"))).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }
}
