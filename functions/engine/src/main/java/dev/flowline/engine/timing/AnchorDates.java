package dev.flowline.engine.timing;

import dev.flowline.engine.contact.Contact;
import dev.flowline.engine.definition.EventAnchor;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The central date of a date-centred flow ({@code eventAnchor}), for one enrolment. A contact property anchor
 * is the contact's date; a static date without a year is its first occurrence on or after the enrolment day, so
 * that every delay of one enrolment counts from the same date.
 */
public final class AnchorDates {

    public static final String CONTACT_PROPERTY_ANCHOR = "CONTACT_PROPERTY_ANCHOR";
    public static final String STATIC_DATE_ANCHOR = "STATIC_DATE_ANCHOR";

    private AnchorDates() {
    }

    public static Optional<ZonedDateTime> of(EventAnchor anchor, Contact contact, Instant enrolledAt, ZoneId zone) {
        if (CONTACT_PROPERTY_ANCHOR.equals(anchor.type())) {
            return anchor.contactProperty() == null ? Optional.empty()
                    : contact.value(anchor.contactProperty()).flatMap(value -> DateValues.parse(value, zone));
        }
        if (STATIC_DATE_ANCHOR.equals(anchor.type()) && anchor.dayOfMonth() != null) {
            return CalendarNames.month(anchor.month())
                    .flatMap(month -> staticDate(anchor, month, enrolledAt.atZone(zone).toLocalDate()))
                    .map(date -> date.atStartOfDay(zone));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> staticDate(EventAnchor anchor, Month month, LocalDate enrolledOn) {
        try {
            if (anchor.year() != null) {
                return Optional.of(LocalDate.of(anchor.year(), month, anchor.dayOfMonth()));
            }
            LocalDate thisYear = LocalDate.of(enrolledOn.getYear(), month, anchor.dayOfMonth());
            return Optional.of(thisYear.isBefore(enrolledOn) ? thisYear.plusYears(1) : thisYear);
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }
}
