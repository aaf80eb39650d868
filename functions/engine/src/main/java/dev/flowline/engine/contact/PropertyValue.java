package dev.flowline.engine.contact;

import java.time.Instant;

/** One version of a property: its value (null once cleared) and when it was set. */
public record PropertyValue(String value, Instant timestamp) {

    public boolean isSet() {
        return value != null && !value.isEmpty();
    }
}
