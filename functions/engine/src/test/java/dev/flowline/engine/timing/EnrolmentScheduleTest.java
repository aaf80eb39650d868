package dev.flowline.engine.timing;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.enrolment.Enrolment;
import dev.flowline.engine.enrolment.EnrolmentSchedules;
import dev.flowline.engine.enrolment.EnrolmentSource;
import dev.flowline.engine.simulation.SimulationReport;
import dev.flowline.engine.simulation.Simulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.flowline.engine.timing.TestFlows.FLOW_ID;
import static dev.flowline.engine.timing.TestFlows.PARIS;
import static dev.flowline.engine.timing.TestFlows.PLAIN_ACTION;
import static dev.flowline.engine.timing.TestFlows.action;
import static dev.flowline.engine.timing.TestFlows.flow;
import static dev.flowline.engine.timing.TestFlows.flowEnrolledBy;
import static dev.flowline.engine.timing.TestFlows.paris;
import static org.assertj.core.api.Assertions.assertThat;

/** Recurring enrolment schedules: when a scheduled flow runs, and whom each run enrols. */
class EnrolmentScheduleTest {

    private static final String LIST = "77";

    private static Optional<Instant> nextRun(String schedule, Instant after) {
        return EnrolmentSchedules.nextRun(flow("\"enrollmentSchedule\":" + schedule), after, PARIS);
    }

    private static String schedule(String type, String fields) {
        return """
                {"type":"%s","timeOfDay":{"hour":8,"minute":0}%s}""".formatted(type, fields);
    }

    /** A flow run by the schedule for contacts in list 77, each enrolment ending at once. */
    private static Flow scheduled(String schedule, boolean reEnrol) {
        return flowEnrolledBy("""
                {"type":"LIST_BASED","shouldReEnroll":%s,"listFilterBranch":{"filterBranchType":"OR",
                  "filterBranchOperator":"OR","filters":[],"filterBranches":[{"filterBranchType":"AND",
                  "filterBranchOperator":"AND","filterBranches":[],
                  "filters":[{"filterType":"IN_LIST","listId":"%s","operator":"IN_LIST"}]}]}}"""
                .formatted(reEnrol, LIST), "\"enrollmentSchedule\":" + schedule, action("1", PLAIN_ACTION, "{}", null));
    }

    private static Contact contact(String id, boolean inList) {
        Contact contact = new Contact(id);
        if (inList) {
            contact.addToList(LIST);
        }
        return contact;
    }

    /** When the contact was enrolled; every enrolment of a scheduled flow comes from a run. */
    private static List<Instant> enrolledAt(SimulationReport report, String contactId) {
        List<Enrolment> enrolments = report.enrolments(FLOW_ID).stream()
                .filter(e -> e.contactId().equals(contactId))
                .toList();
        assertThat(enrolments).allSatisfy(e -> assertThat(e.source()).isEqualTo(EnrolmentSource.SCHEDULE));
        return enrolments.stream()
                .map(Enrolment::enrolledAt)
                .sorted()
                .toList();
    }

    @Test
    void dailyRunsAtTheTimeOfDayInTheAccountZone() {
        String daily = schedule("DAILY", "");

        assertThat(nextRun(daily, paris("2026-03-27T07:00"))).contains(paris("2026-03-27T08:00"));
        assertThat(nextRun(daily, paris("2026-03-27T08:00"))).contains(paris("2026-03-28T08:00"));
        assertThat(nextRun(daily, paris("2026-03-28T09:00"))).contains(paris("2026-03-29T08:00"));
    }

    @Test
    void weeklyRunsOnItsDays() {
        String tuesdayAndThursday = schedule("WEEKLY", ",\"daysOfWeek\":[\"TUESDAY\",\"THURSDAY\"]");

        assertThat(nextRun(tuesdayAndThursday, paris("2026-04-01T12:00"))).contains(paris("2026-04-02T08:00"));
        assertThat(nextRun(tuesdayAndThursday, paris("2026-04-02T12:00"))).contains(paris("2026-04-07T08:00"));
    }

    @Test
    void monthlySpecificDaysRunOnThoseDaysAndSkipMonthsWithoutThem() {
        assertThat(nextRun(schedule("MONTHLY_SPECIFIC_DAYS", ",\"daysOfMonth\":[1,15]"), paris("2026-01-20T12:00")))
                .contains(paris("2026-02-01T08:00"));
        assertThat(nextRun(schedule("MONTHLY_SPECIFIC_DAYS", ",\"daysOfMonth\":[31]"), paris("2026-04-01T12:00")))
                .contains(paris("2026-05-31T08:00"));
    }

    @Test
    void monthlyRelativeDaysRunOnTheFirstMondayOrTheLastDay() {
        assertThat(nextRun(schedule("MONTHLY_RELATIVE_DAYS", ",\"monthlyRelativeDays\":\"FIRST_MONDAY_OF_MONTH\""),
                paris("2026-03-03T12:00"))).contains(paris("2026-04-06T08:00"));
        assertThat(nextRun(schedule("MONTHLY_RELATIVE_DAYS", ",\"monthlyRelativeDays\":\"LAST_DAY_OF_MONTH\""),
                paris("2026-02-10T12:00"))).contains(paris("2026-02-28T08:00"));
    }

    @Test
    void yearlyRunsOnItsDateAndA29FebruaryWaitsForALeapYear() {
        assertThat(nextRun(schedule("YEARLY", ",\"month\":\"JULY\",\"dayOfMonth\":14"), paris("2026-07-14T09:00")))
                .contains(paris("2027-07-14T08:00"));
        assertThat(nextRun(schedule("YEARLY", ",\"month\":\"FEBRUARY\",\"dayOfMonth\":29"), paris("2026-01-01T00:00")))
                .contains(paris("2028-02-29T08:00"));
    }

    @Test
    void aFlowWithoutAScheduleHasNoRun() {
        assertThat(EnrolmentSchedules.nextRun(flow(""), paris("2026-01-01T00:00"), PARIS)).isEmpty();
    }

    @Test
    void eachRunEnrolsTheContactsMeetingTheTriggersWhenReEnrolmentIsOn() {
        var simulator = new Simulator(paris("2026-03-27T12:00"), PARIS)
                .addFlow(scheduled(schedule("DAILY", ""), true))
                .addContact(contact("in", true))
                .addContact(contact("out", false));

        SimulationReport report = simulator.runUntil(paris("2026-03-30T12:00"));

        assertThat(enrolledAt(report, "in")).containsExactly(
                paris("2026-03-28T08:00"), paris("2026-03-29T08:00"), paris("2026-03-30T08:00"));
        assertThat(enrolledAt(report, "out")).isEmpty();
    }

    @Test
    void aContactEnrolledBeforeIsNotEnrolledAgainWhenReEnrolmentIsOff() {
        var simulator = new Simulator(paris("2026-03-27T12:00"), PARIS)
                .addFlow(scheduled(schedule("DAILY", ""), false))
                .addContact(contact("in", true));

        SimulationReport report = simulator.runUntil(paris("2026-03-30T12:00"));

        assertThat(enrolledAt(report, "in")).containsExactly(paris("2026-03-28T08:00"));
    }

    @Test
    void aScheduledFlowDoesNotEnrolWhenAContactStartsMeetingItsTriggers() {
        var simulator = new Simulator(paris("2026-03-27T12:00"), PARIS)
                .addFlow(scheduled(schedule("DAILY", ""), false))
                .addContact(contact("late", false));
        simulator.at(paris("2026-03-27T13:00"), "late", c -> c.addToList(LIST));

        assertThat(enrolledAt(simulator.runUntil(paris("2026-03-28T07:59")), "late")).isEmpty();
        assertThat(enrolledAt(simulator.runUntil(paris("2026-03-28T08:00")), "late"))
                .containsExactly(paris("2026-03-28T08:00"));
    }

    @Test
    void aPropertyBasedScheduleEnrolsOnTheDayTheDatePlusTheDeltaFalls() {
        Contact renewing = contact("renewing", true);
        renewing.setProperty("renewal_date", "2026-04-10", paris("2026-03-01T00:00"));
        var simulator = new Simulator(paris("2026-03-27T12:00"), PARIS)
                .addFlow(scheduled(schedule("PROPERTY_BASED",
                        ",\"dateProperty\":\"renewal_date\",\"daysDelta\":-7,\"yearly\":false"), true))
                .addContact(renewing)
                .addContact(contact("undated", true));

        SimulationReport report = simulator.runUntil(paris("2027-04-30T00:00"));

        assertThat(enrolledAt(report, "renewing")).containsExactly(paris("2026-04-03T08:00"));
        assertThat(enrolledAt(report, "undated")).isEmpty();
    }

    @Test
    void aYearlyPropertyBasedScheduleEnrolsOnTheAnniversaryEveryYear() {
        Contact birthday = contact("birthday", true);
        birthday.setProperty("date_of_birth", "1990-04-02", paris("2026-03-01T00:00"));
        var simulator = new Simulator(paris("2026-03-27T12:00"), PARIS)
                .addFlow(scheduled(schedule("PROPERTY_BASED",
                        ",\"dateProperty\":\"date_of_birth\",\"daysDelta\":0,\"yearly\":true"), true))
                .addContact(birthday);

        SimulationReport report = simulator.runUntil(paris("2028-01-01T00:00"));

        assertThat(enrolledAt(report, "birthday")).containsExactly(
                paris("2026-04-02T08:00"), paris("2027-04-02T08:00"));
    }
}
