package dev.flowline.engine.contact;

import java.util.Optional;

/**
 * The property names Flowline accepts wherever one is written or named (contact writes, flow definitions,
 * actions): HubSpot's internal names, a lower-case letter then lower-case letters, digits and underscores, at
 * most 100 characters. Every HubSpot default property ({@code email}, {@code hs_object_id}) has this shape.
 */
public final class PropertyName {

    public static final int MAX_LENGTH = 100;

    private PropertyName() {
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** Why {@code name} cannot be a property's name, in words for its user; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a property name cannot be empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("a property name can have at most " + MAX_LENGTH + " characters; this one has "
                    + name.length());
        }
        if (name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return Optional.of("a property name must start with a lower-case letter (a-z), not "
                    + Characters.describe(name.codePointAt(0)));
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return Optional.of("a property name can hold only lower-case letters, digits and underscores: "
                        + "character " + (i + 1) + " is " + Characters.describe(name.codePointAt(i)));
            }
        }
        return Optional.empty();
    }
}
