package dev.flowline.engine.timing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.engine.definition.TimeOfDay;

import java.time.LocalTime;
import java.util.Optional;

/** HubSpot's {@code {hour, minute}} times of day; a missing part is 0. */
public final class TimesOfDay {

    private TimesOfDay() {
    }

    public static LocalTime of(TimeOfDay time) {
        return LocalTime.of(orZero(time.hour()), orZero(time.minute()));
    }

    /** A {@code time_of_day} field of an action, if it is there. */
    public static Optional<LocalTime> of(JsonNode time) {
        if (time == null || !time.isObject()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(time.path("hour").asInt(0), time.path("minute").asInt(0)));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
