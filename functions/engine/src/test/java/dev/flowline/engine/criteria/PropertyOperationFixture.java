package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.json.FlowlineJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Contacts, operations and a fixed clock for the property operation tests. */
final class PropertyOperationFixture {

    /** A Wednesday. */
    static final Instant NOW = Instant.parse("2024-05-15T10:00:00Z");

    static final EvaluationContext UTC = EvaluationContext.of(Clock.fixed(NOW, ZoneOffset.UTC));

    static final String PROPERTY = "prop";

    private PropertyOperationFixture() {
    }

    static EvaluationContext in(String zone) {
        return EvaluationContext.of(Clock.fixed(NOW, ZoneId.of(zone)));
    }

    /** An operation read from HubSpot JSON, written with single quotes for readability. */
    static PropertyOperation operation(String json, Object... arguments) {
        return FlowlineJson.read(json.formatted(arguments).replace('\'', '"'), PropertyOperation.class);
    }

    /** A contact whose {@link #PROPERTY} went through {@code versions} ('|'-separated, oldest first), a day apart. */
    static Contact contactWith(String versions) {
        Contact contact = new Contact("1");
        if (versions == null) {
            return contact;
        }
        String[] values = versions.split("\\|", -1);
        for (int i = 0; i < values.length; i++) {
            contact.setProperty(PROPERTY, values[i], NOW.minus(Duration.ofDays(values.length - i)));
        }
        return contact;
    }

    static boolean matches(Contact contact, PropertyOperation operation, EvaluationContext context) {
        return PropertyOperations.matches(contact, PROPERTY, operation, context);
    }

    static boolean matches(String versions, PropertyOperation operation) {
        return matches(contactWith(versions), operation, UTC);
    }

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
