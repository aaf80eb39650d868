package dev.flowline.engine.timing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;

import static dev.flowline.engine.timing.TestFlows.PARIS;
import static dev.flowline.engine.timing.TestFlows.WEEKDAYS_9_TO_17;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.paris;
import static org.assertj.core.api.Assertions.assertThat;

/** Execution times and pause dates: when an action reached at a given time may run. */
class ExecutionWindowsTest {

    private static ExecutionWindows windows(String members) {
        return ExecutionWindows.of(flow(members), PARIS);
    }

    private static void assertOpensWithinSpread(Instant actual, Instant opening) {
        assertThat(actual).isBetween(opening, opening.plus(Duration.ofMinutes(15)));
        assertThat(actual).isBefore(opening.plus(Duration.ofMinutes(15)));
    }

    @Test
    void withoutWindowsOrPauseDatesAnActionRunsAtOnce() {
        Instant sunday = paris("2026-03-29T03:00");

        assertThat(windows("").nextAllowed(sunday, "e1")).isEqualTo(sunday);
    }

    @Test
    void anActionInsideAWindowRunsAtOnce() {
        Instant wednesday = paris("2026-03-25T10:00");

        assertThat(windows(WEEKDAYS_9_TO_17).nextAllowed(wednesday, "e1")).isEqualTo(wednesday);
    }

    @Test
    void anActionBeforeTheWindowWaitsForItsOpeningPlusASpreadUnderFifteenMinutes() {
        Instant allowed = windows(WEEKDAYS_9_TO_17).nextAllowed(paris("2026-03-25T07:00"), "e1");

        assertOpensWithinSpread(allowed, paris("2026-03-25T09:00"));
    }

    @Test
    void theEndOfAWindowIsExcluded() {
        Instant allowed = windows(WEEKDAYS_9_TO_17).nextAllowed(paris("2026-03-27T17:00"), "e1");

        assertOpensWithinSpread(allowed, paris("2026-03-30T09:00"));
    }

    @Test
    void aWeekendActionMovesToMondayMorningInTheAccountZoneAcrossTheDaylightSavingChange() {
        // Paris moves from UTC+1 to UTC+2 on Sunday 29 March 2026: Monday 9:00 is 07:00 UTC, not 08:00.
        Instant allowed = windows(WEEKDAYS_9_TO_17).nextAllowed(paris("2026-03-28T12:00"), "e1");

        assertOpensWithinSpread(allowed, Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void theSpreadIsTheSameForARetryAndDiffersBetweenEnrolments() {
        ExecutionWindows windows = windows(WEEKDAYS_9_TO_17);
        Instant saturday = paris("2026-03-28T12:00");
        var times = new HashSet<Instant>();
        for (int i = 0; i < 50; i++) {
            Instant allowed = windows.nextAllowed(saturday, "f1:c" + i + ":1");
            assertThat(windows.nextAllowed(saturday, "f1:c" + i + ":1")).isEqualTo(allowed);
            assertOpensWithinSpread(allowed, paris("2026-03-30T09:00"));
            times.add(allowed);
        }
        assertThat(times).hasSizeGreaterThan(10);
    }

    @Test
    void aRescheduledActionFindsTheWindowOpenWhenItRunsAgain() {
        ExecutionWindows windows = windows("""
                "timeWindows":[{"day":"MONDAY","startTime":{"hour":9,"minute":0},"endTime":{"hour":9,"minute":2}}]""");
        for (int i = 0; i < 50; i++) {
            Instant allowed = windows.nextAllowed(paris("2026-03-28T12:00"), "e" + i);

            assertThat(windows.nextAllowed(allowed, "e" + i)).isEqualTo(allowed);
        }
    }

    @Test
    void aWindowWithoutTimesIsTheWholeDay() {
        ExecutionWindows saturdays = windows("""
                "timeWindows":[{"day":"SATURDAY"}]""");

        assertThat(saturdays.nextAllowed(paris("2026-03-28T00:30"), "e1")).isEqualTo(paris("2026-03-28T00:30"));
        assertThat(saturdays.nextAllowed(paris("2026-03-28T23:59"), "e1")).isEqualTo(paris("2026-03-28T23:59"));
        assertOpensWithinSpread(saturdays.nextAllowed(paris("2026-03-27T12:00"), "e1"), paris("2026-03-28T00:00"));
    }

    @Test
    void aPauseDateWithoutAYearPausesEveryYear() {
        ExecutionWindows christmas = windows("""
                "blockedDates":[{"dayOfMonth":25,"month":"DECEMBER"}]""");

        assertOpensWithinSpread(christmas.nextAllowed(paris("2027-12-25T10:00"), "e1"), paris("2027-12-26T00:00"));
        assertThat(christmas.nextAllowed(paris("2027-12-24T10:00"), "e1")).isEqualTo(paris("2027-12-24T10:00"));
    }

    @Test
    void aPauseDateWithAYearPausesThatYearOnly() {
        ExecutionWindows christmas2026 = windows("""
                "blockedDates":[{"dayOfMonth":25,"month":"DECEMBER","year":2026}]""");

        assertOpensWithinSpread(christmas2026.nextAllowed(paris("2026-12-25T10:00"), "e1"), paris("2026-12-26T00:00"));
        assertThat(christmas2026.nextAllowed(paris("2027-12-25T10:00"), "e1")).isEqualTo(paris("2027-12-25T10:00"));
    }

    @Test
    void aPauseDateSkipsItsWindowsToTheNextAllowedDay() {
        ExecutionWindows windows = windows(WEEKDAYS_9_TO_17 + """
                ,"blockedDates":[{"dayOfMonth":24,"month":"DECEMBER"}]""");

        // Wednesday 23 December after hours: Thursday the 24th is paused, so Friday the 25th at 9:00.
        assertOpensWithinSpread(windows.nextAllowed(paris("2026-12-23T18:00"), "e1"), paris("2026-12-25T09:00"));
    }
}
