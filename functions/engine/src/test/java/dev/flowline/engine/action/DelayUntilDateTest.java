package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.flowline.engine.action.DelayFixtures.next;
import static dev.flowline.engine.action.DelayFixtures.run;
import static dev.flowline.engine.timing.TestFlows.action;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Delay 0-35 until a calendar date or a contact date property. */
class DelayUntilDateTest {

    private static final Instant NOW = paris("2026-06-01T12:00");

    private final Contact contact = new Contact("c1");

    private StepResult.Next delay(String fields) {
        return next(run(flow("", action("1", "0-35", fields, "2")), contact, NOW));
    }

    private static String renewalDate(String extra) {
        return """
                {"date":{"type":"OBJECT_PROPERTY","propertyName":"renewal_date"}%s}""".formatted(extra);
    }

    /** A date property as HubSpot stores it: midnight UTC, in epoch milliseconds. */
    private static String dateProperty(String isoDate) {
        return String.valueOf(LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }

    @Test
    void aStaticDateIsWaitedFor() {
        Instant date = Instant.parse("2026-07-14T08:00:00Z");

        StepResult.Next result = delay("""
                {"date":{"type":"STATIC_VALUE","staticValue":"%d"}}""".formatted(date.toEpochMilli()));

        assertThat(result.dueAt()).isEqualTo(date);
        assertThat(result.nextActionId()).isEqualTo("2");
    }

    @Test
    void aDatePropertyIsAWholeDayInTheAccountZoneAtTheTimeOfDay() {
        contact.setProperty("renewal_date", dateProperty("2026-06-10"), NOW);

        assertThat(delay(renewalDate("""
                ,"time_of_day":{"hour":9,"minute":0}""")).dueAt()).isEqualTo(paris("2026-06-10T09:00"));
        assertThat(delay(renewalDate("")).dueAt()).isEqualTo(paris("2026-06-10T00:00"));
    }

    @Test
    void anIsoDateOrDatetimePropertyIsRead() {
        contact.setProperty("renewal_date", "2026-06-10", NOW);
        assertThat(delay(renewalDate("")).dueAt()).isEqualTo(paris("2026-06-10T00:00"));

        contact.setProperty("renewal_date", "2026-06-10T15:30:00Z", NOW);
        assertThat(delay(renewalDate("")).dueAt()).isEqualTo(Instant.parse("2026-06-10T15:30:00Z"));
    }

    @Test
    void aNegativeDeltaWaitsUntilBeforeTheDate() {
        contact.setProperty("renewal_date", dateProperty("2026-06-10"), NOW);

        assertThat(delay(renewalDate("""
                ,"delta":"-3","time_unit":"DAYS","time_of_day":{"hour":9,"minute":0}""")).dueAt())
                .isEqualTo(paris("2026-06-07T09:00"));
        assertThat(delay(renewalDate("""
                ,"delta":"-1440","time_unit":"MINUTES","time_of_day":{"hour":9,"minute":0}""")).dueAt())
                .isEqualTo(paris("2026-06-09T09:00"));
    }

    @Test
    void aDateAlreadyPassedLetsTheContactMoveOnAtOnce() {
        contact.setProperty("renewal_date", dateProperty("2026-06-01"), NOW);

        StepResult.Next result = delay(renewalDate("""
                ,"time_of_day":{"hour":9,"minute":0}"""));

        assertThat(result.dueAt()).isNull();
        assertThat(result.nextActionId()).isEqualTo("2");
        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(result.outcome().detail()).startsWith("the date has already passed");
    }

    @Test
    void anEmptyDatePropertyLetsTheContactMoveOnAtOnce() {
        StepResult.Next result = delay(renewalDate(""));

        assertThat(result.dueAt()).isNull();
        assertThat(result.nextActionId()).isEqualTo("2");
        assertThat(result.outcome().status()).isEqualTo(StepResult.Status.SKIPPED);
        assertThat(result.outcome().detail()).isEqualTo("no date: the property renewal_date has no date");
    }

    @Test
    void aStaticDateThatIsNoDateCannotRunRatherThanLetTheContactMoveOn() {
        assertThatIllegalArgumentException().isThrownBy(() -> delay("""
                {"date":{"type":"STATIC_VALUE","staticValue":"tomorrow"}}"""))
                .withMessage("the delay's date \"tomorrow\" is not a date in the years 1 to 9999");
        assertThatIllegalArgumentException().isThrownBy(() -> delay("""
                {"date":{"type":"STATIC_VALUE","staticValue":"9223372036854775807"}}"""));
        assertThatIllegalArgumentException().isThrownBy(() -> delay("""
                {"date":{"type":"NEXT_FULL_MOON"}}"""));
    }

    @Test
    void anOffsetBeyondFiveYearsCannotRun() {
        contact.setProperty("renewal_date", dateProperty("2026-06-10"), NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> delay(renewalDate(
                ",\"delta\":\"-9223372036854775807\",\"time_unit\":\"WEEKS\"")));
        assertThat(delay(renewalDate(",\"delta\":\"1830\",\"time_unit\":\"DAYS\"")).dueAt())
                .isEqualTo(paris("2031-06-14T00:00"));
    }
}
