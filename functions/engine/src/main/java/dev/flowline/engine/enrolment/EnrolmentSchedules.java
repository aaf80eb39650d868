package dev.flowline.engine.enrolment;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.EnrollmentSchedule;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.timing.CalendarNames;
import dev.flowline.engine.timing.DateValues;
import dev.flowline.engine.timing.NextTimes;
import dev.flowline.engine.timing.TimesOfDay;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * Recurring enrolment ({@code enrollmentSchedule}): when a flow's next run is, and whom a run enrols. At a run,
 * every contact meeting the flow's filter triggers is enrolled, through the enroller's guards: for a contact
 * enrolled before, the run is a re-enrolment occasion, allowed only when re-enrolment is on. A property-based
 * schedule runs daily and enrols the contacts whose date, moved by {@code daysDelta}, falls on the run's day
 * (any year, when {@code yearly}).
 */
public final class EnrolmentSchedules {

    private final EngineContext engine;
    private final Guards guards;
    private final Enroller enroller;

    public EnrolmentSchedules(EngineContext engine, Enroller enroller) {
        this.engine = engine;
        this.guards = new Guards(engine);
        this.enroller = enroller;
    }

    /** Whether the flow has a schedule that runs: one with a time of day. */
    public static boolean usable(Flow flow) {
        return flow.enrollmentSchedule() != null && flow.enrollmentSchedule().timeOfDay() != null;
    }

    /** The flow's first run strictly after {@code after}; empty when the flow has no (usable) schedule. */
    public static Optional<Instant> nextRun(Flow flow, Instant after, ZoneId zone) {
        return usable(flow) ? nextRun(flow.enrollmentSchedule(), after, zone) : Optional.empty();
    }

    /** The schedule's first run strictly after {@code after}; empty when it has no time of day. */
    public static Optional<Instant> nextRun(EnrollmentSchedule schedule, Instant after, ZoneId zone) {
        if (schedule.timeOfDay() == null) {
            return Optional.empty();
        }
        return NextTimes.firstAfter(after, zone, TimesOfDay.of(schedule.timeOfDay()), day -> runsOn(schedule, day));
    }

    /** Runs the flow's schedule now over {@code audience} (all contacts, or one segment of them). */
    public void run(Flow flow, Iterable<Contact> audience) {
        Instant now = engine.clock().instant();
        for (Contact contact : audience) {
            enrolIfSelected(flow, contact, now);
        }
    }

    /**
     * Enrols the contact in the run of {@code runAt} if the schedule selects it. A contact enrolled at or after
     * {@code runAt} was enrolled by this very run: a repeated run (a redelivered segment, a schedule fired twice)
     * does not enrol it again, even where re-enrolment is on.
     */
    public void enrolIfSelected(Flow flow, Contact contact, Instant runAt) {
        if (!flow.enabled() || flow.enrollmentSchedule() == null) {
            return;
        }
        LocalDate runDay = runAt.atZone(engine.timeZone()).toLocalDate();
        if (!guards.meetsListTriggers(flow, contact) || !dateFalls(flow.enrollmentSchedule(), contact, runDay)) {
            return;
        }
        List<Enrolment> previous = engine.enrolments().ofContact(flow.id(), contact.id());
        if (previous.stream().noneMatch(enrolment -> !enrolment.enrolledAt().isBefore(runAt))) {
            enroller.enrol(flow, contact, EnrolmentSource.SCHEDULE, previous);
        }
    }

    static boolean runsOn(EnrollmentSchedule schedule, LocalDate day) {
        return switch (String.valueOf(schedule.type())) {
            case "DAILY", "PROPERTY_BASED" -> true;
            case "WEEKLY" -> CalendarNames.daysOfWeek(schedule.daysOfWeek()).contains(day.getDayOfWeek());
            case "MONTHLY_SPECIFIC_DAYS" -> schedule.daysOfMonth() != null
                    && schedule.daysOfMonth().contains(day.getDayOfMonth());
            case "MONTHLY_RELATIVE_DAYS" -> switch (String.valueOf(schedule.monthlyRelativeDays())) {
                case "FIRST_MONDAY_OF_MONTH" -> day.getDayOfWeek() == DayOfWeek.MONDAY && day.getDayOfMonth() <= 7;
                case "LAST_DAY_OF_MONTH" -> day.equals(day.with(TemporalAdjusters.lastDayOfMonth()));
                default -> false;
            };
            case "YEARLY" -> schedule.dayOfMonth() != null && schedule.dayOfMonth() == day.getDayOfMonth()
                    && CalendarNames.month(schedule.month()).filter(day.getMonth()::equals).isPresent();
            default -> false;
        };
    }

    /** Whether a property-based schedule selects the contact today; other schedules select everyone. */
    private boolean dateFalls(EnrollmentSchedule schedule, Contact contact, LocalDate today) {
        if (!"PROPERTY_BASED".equals(schedule.type())) {
            return true;
        }
        int delta = schedule.daysDelta() == null ? 0 : schedule.daysDelta();
        return Optional.ofNullable(schedule.dateProperty())
                .flatMap(contact::value)
                .flatMap(value -> DateValues.parse(value, engine.timeZone()))
                .map(date -> date.toLocalDate().plusDays(delta))
                .filter(day -> Boolean.TRUE.equals(schedule.yearly())
                        ? MonthDay.from(day).equals(MonthDay.from(today))
                        : day.equals(today))
                .isPresent();
    }
}
