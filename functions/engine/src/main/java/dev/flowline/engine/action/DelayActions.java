package dev.flowline.engine.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.engine.definition.NumberRanges;
import dev.flowline.engine.definition.SingleConnectionAction;
import dev.flowline.engine.timing.AnchorDates;
import dev.flowline.engine.timing.CalendarNames;
import dev.flowline.engine.timing.DateValues;
import dev.flowline.engine.timing.NextTimes;
import dev.flowline.engine.timing.Offset;
import dev.flowline.engine.timing.TimesOfDay;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The delays: for a set time or until a day and time ({@code 0-1}), until a date ({@code 0-35}), until an event
 * ({@code 0-29}). Times of day and calendar days are in the account's time zone. A delay whose own fields give no
 * time to wait until (a definition stored before they were validated) throws {@link IllegalArgumentException}:
 * letting the contact move on at once would run the next actions early, so the enrolment ends instead.
 */
final class DelayActions {

    /** How long a "delay until event" without {@code expiration_minutes} waits at most. */
    static final Duration LONGEST_EVENT_WAIT = Duration.ofDays(3 * 365);

    private DelayActions() {
    }

    /**
     * {@code delta} and {@code time_unit}; or {@code days_of_week} and/or {@code time_of_day}: the first such
     * moment strictly after now (no days: every day; no time: the start of the day).
     */
    static StepResult forTimeOrUntilDayAndTime(SingleConnectionAction action, ActionContext context) {
        ObjectNode fields = fieldsOf(action);
        if (fields.has("days_of_week") || fields.has("time_of_day")) {
            Set<DayOfWeek> days = CalendarNames.daysOfWeek(texts(fields.path("days_of_week")));
            LocalTime time = TimesOfDay.of(fields.get("time_of_day")).orElse(LocalTime.MIDNIGHT);
            return NextTimes.firstAfter(context.now(), context.timeZone(), time,
                            day -> days.isEmpty() || days.contains(day.getDayOfWeek()))
                    .map(due -> waitUntil(action, due))
                    .orElseThrow();
        }
        Offset offset = offset(fields);
        if (offset.amount() < 0) {
            throw new IllegalArgumentException("the delay's delta " + offset.amount() + " is negative");
        }
        return waitUntil(action, offset.addTo(context.now().atZone(context.timeZone())).toInstant());
    }

    /**
     * Until a date: the {@code date} field, or in a date-centred flow without it, the flow's anchor date; moved
     * by {@code delta} in {@code time_unit}, then set to {@code time_of_day}. A date already passed, or a date
     * property or anchor without a date, lets the contact move on at once.
     */
    static StepResult untilDate(SingleConnectionAction action, ActionContext context) {
        ObjectNode fields = fieldsOf(action);
        String next = Branches.next(action.connection());
        JsonNode date = fields.path("date");
        boolean anchored = !date.isObject() && context.flow().eventAnchor() != null;
        Optional<ZonedDateTime> base = anchored
                ? AnchorDates.of(context.flow().eventAnchor(), context.contact(), context.enrolment().enrolledAt(),
                context.timeZone())
                : dateOf(date, context);
        if (base.isEmpty()) {
            return StepResult.next(next, StepResult.Outcome.skipped("no date: " + (anchored
                    ? "the workflow's anchor date is not set"
                    : "the property " + date.path("propertyName").asText() + " has no date")));
        }
        Offset offset = text(fields, "delta") != null ? offset(fields) : Offset.NONE;
        ZonedDateTime target = offset.addTo(base.get());
        Optional<LocalTime> time = TimesOfDay.of(fields.get("time_of_day"));
        Instant due = (time.isPresent() ? target.with(time.get()) : target).toInstant();
        if (!due.isAfter(context.now())) {
            return StepResult.next(next, StepResult.Outcome.skipped("the date has already passed (" + due + ")"));
        }
        if (!NumberRanges.isInYears(due)) {
            throw new IllegalArgumentException("the delay would wait until " + due + ", after the year "
                    + NumberRanges.LAST_YEAR);
        }
        return waitUntil(action, due);
    }

    /**
     * Waits for the event for {@code expiration_minutes} (a whole number, at most {@link NumberRanges#LONGEST_WAIT};
     * none or 0: {@link #LONGEST_EVENT_WAIT}); later actions branch on whether it came.
     */
    static StepResult untilEvent(SingleConnectionAction action, ActionContext context) {
        String text = text(fieldsOf(action), "expiration_minutes");
        long minutes = (text == null ? Optional.of(Offset.NONE) : Offset.parse(text, "MINUTES"))
                .filter(expiration -> expiration.amount() >= 0)
                .orElseThrow(() -> new IllegalArgumentException("the delay's expiration_minutes \"" + text
                        + "\" is not a whole number of minutes from 0 to " + NumberRanges.LONGEST_WAIT.toMinutes()))
                .amount();
        Duration longest = minutes > 0 ? Duration.ofMinutes(minutes) : LONGEST_EVENT_WAIT;
        return new StepResult.WaitForEvent(context.now().plus(longest));
    }

    /** {@code delta} in {@code time_unit}, which the validator checks: one stored before it did may not be valid. */
    private static Offset offset(ObjectNode fields) {
        String delta = text(fields, "delta");
        String unit = text(fields, "time_unit");
        return Offset.parse(delta, unit).orElseThrow(() -> new IllegalArgumentException("the delay's delta \""
                + delta + "\" in time_unit \"" + unit + "\" is not a whole number of MINUTES, HOURS, DAYS or WEEKS"
                + " of at most " + NumberRanges.LONGEST_WAIT.toDays() + " days"));
    }

    private static StepResult waitUntil(SingleConnectionAction action, Instant due) {
        return new StepResult.Next(Branches.next(action.connection()), due,
                StepResult.Outcome.succeeded("delayed until " + due), Map.of());
    }

    /**
     * The date of {@code date}: a static one, which must be readable, or a property's, which may be empty or
     * not a date (the contact then moves on, as in HubSpot).
     */
    private static Optional<ZonedDateTime> dateOf(JsonNode date, ActionContext context) {
        return switch (date.path("type").asText()) {
            case "STATIC_VALUE" -> {
                String value = date.path("staticValue").asText(null);
                yield Optional.of(DateValues.parse(value, context.timeZone()).orElseThrow(() ->
                        new IllegalArgumentException("the delay's date \"" + value + "\" is not a date in the years "
                                + NumberRanges.FIRST_YEAR + " to " + NumberRanges.LAST_YEAR)));
            }
            case "OBJECT_PROPERTY" -> context.contact().value(date.path("propertyName").asText())
                    .flatMap(value -> DateValues.parse(value, context.timeZone()));
            default -> throw new IllegalArgumentException("the delay's date is neither a STATIC_VALUE nor an "
                    + "OBJECT_PROPERTY");
        };
    }

    private static ObjectNode fieldsOf(SingleConnectionAction action) {
        return action.fields() == null ? JsonNodeFactory.instance.objectNode() : action.fields();
    }

    private static String text(ObjectNode fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
