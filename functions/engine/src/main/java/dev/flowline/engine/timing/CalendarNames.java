package dev.flowline.engine.timing;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** HubSpot's day and month names ({@code MONDAY}, {@code DECEMBER}); a name it does not know reads as empty. */
public final class CalendarNames {

    private CalendarNames() {
    }

    public static Optional<DayOfWeek> dayOfWeek(String name) {
        return parse(DayOfWeek.class, name);
    }

    public static Optional<Month> month(String name) {
        return parse(Month.class, name);
    }

    /** The days named, ignoring unknown names; null gives none. */
    public static Set<DayOfWeek> daysOfWeek(Collection<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (names != null) {
            names.forEach(name -> dayOfWeek(name).ifPresent(days::add));
        }
        return days;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
