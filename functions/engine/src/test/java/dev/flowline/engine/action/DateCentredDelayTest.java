package dev.flowline.engine.action;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.flowline.engine.action.DelayFixtures.next;
import static dev.flowline.engine.action.DelayFixtures.run;
import static dev.flowline.engine.timing.TestFlows.FLOW_ID;
import static dev.flowline.engine.timing.TestFlows.PARIS;
import static dev.flowline.engine.timing.TestFlows.PLAIN_ACTION;
import static dev.flowline.engine.timing.TestFlows.action;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.paris;
import static dev.flowline.engine.timing.TestFlows.ranAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Date-centred flows ({@code eventAnchor}): a 0-35 delay without a {@code date} counts from the flow's central
 * date, e.g. "3 days before the renewal date at 9:00".
 */
class DateCentredDelayTest {

    private static final String RENEWAL_ANCHOR = """
            "eventAnchor":{"type":"CONTACT_PROPERTY_ANCHOR","contactProperty":"renewal_date"}""";
    private static final String THREE_DAYS_BEFORE_AT_9 = """
            {"delta":"-3","time_unit":"DAYS","time_of_day":{"hour":9,"minute":0}}""";
    private static final String DAY_AFTER_AT_10 = """
            {"delta":"1","time_unit":"DAYS","time_of_day":{"hour":10,"minute":0}}""";

    private final Contact contact = new Contact("c1");

    private StepResult.Next delay(String anchor, Instant enrolledAt, Instant now) {
        return next(run(flow(anchor, action("1", "0-35", THREE_DAYS_BEFORE_AT_9, "2")), contact, enrolledAt, now));
    }

    @Test
    void delaysCountFromTheContactDatePropertyAnchor() {
        Instant now = paris("2026-06-01T12:00");
        contact.setProperty("renewal_date", "2026-06-10", now);

        assertThat(delay(RENEWAL_ANCHOR, now, now).dueAt()).isEqualTo(paris("2026-06-07T09:00"));
    }

    @Test
    void aPassedAnchorDateLetsTheContactMoveOn() {
        Instant now = paris("2026-06-08T12:00");
        contact.setProperty("renewal_date", "2026-06-10", now);

        StepResult.Next result = delay(RENEWAL_ANCHOR, now, now);

        assertThat(result.dueAt()).isNull();
        assertThat(result.nextActionId()).isEqualTo("2");
        assertThat(result.outcome().detail()).startsWith("the date has already passed");
    }

    @Test
    void anEmptyAnchorPropertyLetsTheContactMoveOn() {
        Instant now = paris("2026-06-01T12:00");

        StepResult.Next result = delay(RENEWAL_ANCHOR, now, now);

        assertThat(result.dueAt()).isNull();
        assertThat(result.outcome().detail()).isEqualTo("no date: the workflow's anchor date is not set");
    }

    @Test
    void aStaticAnchorWithAYearIsThatDate() {
        String anchor = """
                "eventAnchor":{"type":"STATIC_DATE_ANCHOR","dayOfMonth":25,"month":"DECEMBER","year":2026}""";
        Instant now = paris("2026-12-01T12:00");

        assertThat(delay(anchor, now, now).dueAt()).isEqualTo(paris("2026-12-22T09:00"));
    }

    @Test
    void aStaticAnchorWithoutAYearIsItsNextOccurrenceFromTheEnrolmentDay() {
        String anchor = """
                "eventAnchor":{"type":"STATIC_DATE_ANCHOR","dayOfMonth":25,"month":"DECEMBER"}""";
        Instant lateDecember = paris("2026-12-28T12:00");
        Instant january = paris("2027-01-05T12:00");

        assertThat(delay(anchor, paris("2026-12-01T12:00"), paris("2026-12-01T12:00")).dueAt())
                .isEqualTo(paris("2026-12-22T09:00"));
        assertThat(delay(anchor, lateDecember, lateDecember).dueAt()).isEqualTo(paris("2027-12-22T09:00"));
        // The anchor stays the one of the enrolment day, even when a later delay runs in the next year.
        assertThat(delay(anchor, lateDecember, january).dueAt()).isEqualTo(paris("2027-12-22T09:00"));
    }

    @Test
    void everyDelayOfAnEnrolmentCountsFromTheSameAnchorNotFromThePreviousDelay() {
        Flow flow = flow(RENEWAL_ANCHOR,
                action("1", "0-35", THREE_DAYS_BEFORE_AT_9, "2"),
                action("2", PLAIN_ACTION, "{}", "3"),
                action("3", "0-35", DAY_AFTER_AT_10, "4"),
                action("4", PLAIN_ACTION, "{}", null));
        Instant start = paris("2026-06-01T12:00");
        contact.setProperty("renewal_date", "2026-06-10", start);
        var simulator = new Simulator(start, PARIS).addFlow(flow).addContact(contact);
        simulator.enrol(FLOW_ID, "c1");

        SimulationReport report = simulator.runUntil(paris("2026-07-01T00:00"));

        String enrolment = FLOW_ID + ":c1:1";
        assertThat(ranAt(report, enrolment, "2")).isEqualTo(paris("2026-06-07T09:00"));
        assertThat(ranAt(report, enrolment, "4")).isEqualTo(paris("2026-06-11T10:00"));
    }
}
