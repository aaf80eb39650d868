package dev.flowline.engine.criteria;

import dev.flowline.engine.contact.PropertySource;

/** Evaluates one property operation against a property of a contact or of an event. */
public final class PropertyOperations {

    private PropertyOperations() {
    }

    public static boolean matches(PropertySource source, String property, PropertyOperation operation,
                                  EvaluationContext context) {
        throw new UnsupportedFilterException("not implemented yet: " + operation);
    }
}
