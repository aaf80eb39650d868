package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.flowline.engine.action.DelayFixtures.next;
import static dev.flowline.engine.action.DelayFixtures.run;
import static dev.flowline.engine.timing.TestFlows.action;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Delay 0-1 for a set amount of time. */
class DelayForTimeTest {

    private static final Instant FRIDAY_10 = paris("2026-03-27T10:00");

    private static StepResult.Next delay(String delta, String unit) {
        Flow flow = flow("", action("1", "0-1", """
                {"delta":"%s","time_unit":"%s"}""".formatted(delta, unit), "2"));
        return next(run(flow, new Contact("c1"), FRIDAY_10));
    }

    @Test
    void minutesAndHoursAreAddedToNow() {
        assertThat(delay("30", "MINUTES").dueAt()).isEqualTo(FRIDAY_10.plus(Duration.ofMinutes(30)));
        assertThat(delay("5", "HOURS").dueAt()).isEqualTo(FRIDAY_10.plus(Duration.ofHours(5)));
    }

    @Test
    void theDelayGoesOnToTheNextActionAndSaysUntilWhen() {
        StepResult.Next result = delay("30", "MINUTES");

        assertThat(result.nextActionId()).isEqualTo("2");
        assertThat(result.outcome()).isEqualTo(StepResult.Outcome.succeeded(
                "delayed until " + FRIDAY_10.plus(Duration.ofMinutes(30))));
    }

    @Test
    void daysAndWeeksAreCalendarDaysSoTheTimeOfDayHoldsAcrossTheDaylightSavingChange() {
        assertThat(delay("3", "DAYS").dueAt()).isEqualTo(paris("2026-03-30T10:00"));
        assertThat(delay("1", "WEEKS").dueAt()).isEqualTo(paris("2026-04-03T10:00"));
        assertThat(Duration.between(FRIDAY_10, delay("3", "DAYS").dueAt())).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void aDelayWithoutAValidAmountCannotRunRatherThanLetTheContactMoveOn() {
        assertThatIllegalArgumentException().isThrownBy(() -> delay("soon", "DAYS"))
                .withMessage("the delay's delta \"soon\" in time_unit \"DAYS\" is not a whole number of MINUTES, HOURS,"
                        + " DAYS or WEEKS of at most 1830 days");
        assertThatIllegalArgumentException().isThrownBy(() -> delay("5", "FORTNIGHTS"));
        assertThatIllegalArgumentException().isThrownBy(() -> delay("-5", "DAYS"));
    }

    @Test
    void aDelayOfTwentyDigitsCannotRun() {
        assertThatIllegalArgumentException().isThrownBy(() -> delay("99999999999999999999", "MINUTES"));
        assertThatIllegalArgumentException().isThrownBy(() -> delay("9223372036854775807", "MINUTES"));
    }

    @Test
    void theLargestAcceptedDelayIsWaitedForInFull() {
        assertThat(delay("2635200", "MINUTES").dueAt()).isEqualTo(FRIDAY_10.plus(Duration.ofMinutes(2_635_200)));
        assertThat(delay("1830", "DAYS").dueAt()).isEqualTo(paris("2031-03-31T10:00"));
        assertThat(delay("1830.0", "DAYS").dueAt()).isEqualTo(paris("2031-03-31T10:00"));
    }

    @Test
    void aDelayOfZeroGoesOnAtOnce() {
        assertThat(delay("0", "DAYS").dueAt()).isEqualTo(FRIDAY_10);
    }
}
