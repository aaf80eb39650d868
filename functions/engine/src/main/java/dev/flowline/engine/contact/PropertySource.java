package dev.flowline.engine.contact;

import java.util.List;
import java.util.Optional;

/** Something with named, versioned properties: a contact, or the properties of one event. */
public interface PropertySource {

    /** The current value, empty when unset or cleared. */
    Optional<String> value(String property);

    /** Every version of the property, oldest first; empty when it was never set. */
    List<PropertyValue> history(String property);
}
