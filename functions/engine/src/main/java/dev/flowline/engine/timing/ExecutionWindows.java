package dev.flowline.engine.timing;

import dev.flowline.engine.definition.BlockedDate;
import dev.flowline.engine.definition.Flow;
import dev.flowline.engine.definition.TimeOfDay;
import dev.flowline.engine.definition.TimeWindow;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A flow's execution times ({@code timeWindows}) and pause dates ({@code blockedDates}), in the account's time
 * zone. No windows means any time of any day; a window without a start or an end runs from the start or to the
 * end of its day.
 */
public final class ExecutionWindows {

    /** Rescheduled actions spread over this span after a window opens, so they do not all run at once. */
    static final Duration SPREAD = Duration.ofMinutes(15);

    /** Pause dates could, in theory, block every day; past this the definition is unusable. */
    private static final int SEARCH_DAYS = 5 * 366;

    private final List<TimeWindow> windows;
    private final List<BlockedDate> blockedDates;
    private final ZoneId zone;

    private ExecutionWindows(List<TimeWindow> windows, List<BlockedDate> blockedDates, ZoneId zone) {
        this.windows = windows == null || windows.isEmpty() ? List.of()
                : windows.stream().filter(w -> CalendarNames.dayOfWeek(w.day()).isPresent()).toList();
        this.blockedDates = blockedDates == null ? List.of() : blockedDates;
        this.zone = zone;
    }

    public static ExecutionWindows of(Flow flow, ZoneId zone) {
        return new ExecutionWindows(flow.timeWindows(), flow.blockedDates(), zone);
    }

    /**
     * {@code now} if an action may run now; otherwise the next window opening that is not on a pause date,
     * plus a spread of up to 15 minutes taken from the enrolment id, so that a retried step gets the same time.
     */
    public Instant nextAllowed(Instant now, String enrolmentId) {
        if (windows.isEmpty() && blockedDates.isEmpty()) {
            return now;
        }
        LocalDate day = now.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isBlocked(day)) {
                continue;
            }
            for (Span span : spans(day)) {
                if (!span.end().isAfter(now)) {
                    continue;
                }
                return span.start().isAfter(now) ? span.start().plus(spread(enrolmentId, span)) : now;
            }
        }
        // a definition problem, not a passing fault: the step cannot run
        throw new DateTimeException("the workflow's pause dates leave no execution time in the next " + SEARCH_DAYS
                + " days");
    }

    private boolean isBlocked(LocalDate day) {
        return blockedDates.stream().anyMatch(blocked -> blocked.dayOfMonth() != null
                && blocked.dayOfMonth() == day.getDayOfMonth()
                && CalendarNames.month(blocked.month()).filter(day.getMonth()::equals).isPresent()
                && (blocked.year() == null || blocked.year() == day.getYear()));
    }

    /** The spans of a day when actions may run, earliest first. */
    private List<Span> spans(LocalDate day) {
        Instant startOfDay = day.atStartOfDay(zone).toInstant();
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (windows.isEmpty()) {
            return List.of(new Span(startOfDay, endOfDay));
        }
        return windows.stream()
                .filter(w -> CalendarNames.dayOfWeek(w.day()).orElseThrow() == day.getDayOfWeek())
                .flatMap(w -> {
                    Instant start = w.startTime() == null ? startOfDay : at(day, w.startTime());
                    Instant end = w.endTime() == null ? endOfDay : at(day, w.endTime());
                    return Stream.of(new Span(start, end.isAfter(start) ? end : endOfDay));
                })
                .sorted(Comparator.comparing(Span::start))
                .toList();
    }

    private Instant at(LocalDate day, TimeOfDay time) {
        return day.atTime(TimesOfDay.of(time)).atZone(zone).toInstant();
    }

    /** A stable offset in [0, 15 minutes), kept inside the window so that the rescheduled step finds it open. */
    private static Duration spread(String enrolmentId, Span span) {
        long seconds = Math.min(SPREAD.toSeconds(), Duration.between(span.start(), span.end()).toSeconds());
        var crc = new CRC32();
        crc.update(enrolmentId.getBytes(StandardCharsets.UTF_8));
        return Duration.ofSeconds(crc.getValue() % Math.max(seconds, 1));
    }

    private record Span(Instant start, Instant end) {
    }
}
