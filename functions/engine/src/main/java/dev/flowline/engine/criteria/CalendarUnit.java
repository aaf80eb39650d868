package dev.flowline.engine.criteria;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** A calendar unit of the filter language. Weeks start on Monday; quarters and years on {@code yearStart}. */
enum CalendarUnit {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    static final MonthDay JANUARY_FIRST = MonthDay.of(1, 1);

    /** The first day of the unit holding {@code date}. */
    LocalDate startOf(LocalDate date, MonthDay yearStart) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> {
                LocalDate year = YEAR.startOf(date, yearStart);
                yield year.plusMonths(ChronoUnit.MONTHS.between(year, date) / 3 * 3);
            }
            case YEAR -> {
                LocalDate thisYear = yearStart.atYear(date.getYear());
                yield thisYear.isAfter(date) ? yearStart.atYear(date.getYear() - 1) : thisYear;
            }
        };
    }

    LocalDate plus(LocalDate date, long count) {
        return switch (this) {
            case DAY -> date.plusDays(count);
            case WEEK -> date.plusWeeks(count);
            case MONTH -> date.plusMonths(count);
            case QUARTER -> date.plusMonths(3 * count);
            case YEAR -> date.plusYears(count);
        };
    }
}
